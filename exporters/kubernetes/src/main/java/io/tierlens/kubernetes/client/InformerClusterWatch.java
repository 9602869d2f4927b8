package io.tierlens.kubernetes.client;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import io.tierlens.kubernetes.discovery.DisruptionTracker;
import io.tierlens.kubernetes.discovery.KarpenterApiDetector;
import io.tierlens.kubernetes.discovery.NodeClaimParser;
import io.tierlens.kubernetes.model.ClusterState;
import io.tierlens.kubernetes.model.KarpenterApi;
import io.tierlens.kubernetes.model.NodeClaim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterWatch} over fabric8 informers: NodePools and NodeClaims as generic {@code karpenter.sh/v1}
 * resources (so a CRD schema change never breaks deserialisation), Nodes, and non-terminal Pods. After the
 * initial list every change arrives by watch; {@link #snapshot()} only reads the caches.
 *
 * <p>Pods are watched with {@code status.phase!=Succeeded,status.phase!=Failed} rather than only Pending ones:
 * node requests (and the cost exporter's idle share) need the pods bound to nodes too. Their cache keeps a
 * summary of each pod, not the pod ({@link SlimPodStore}).
 */
public final class InformerClusterWatch implements ClusterWatch {
    private static final Logger log = LoggerFactory.getLogger(InformerClusterWatch.class);

    public static final ResourceDefinitionContext NODEPOOLS = karpenter("nodepools", "NodePool");
    public static final ResourceDefinitionContext NODECLAIMS = karpenter("nodeclaims", "NodeClaim");
    /** While {@code karpenter.sh/v1} is missing, discovery is asked again this often (an upgrade adds it). */
    static final Duration API_RECHECK = Duration.ofMinutes(10);

    private final KubernetesClientProvider provider;
    private final Clock clock;
    private final Duration syncTimeout;
    private final Duration watchGrace;
    private final DisruptionTracker disruptions;
    private final Map<String, Instant> downSince = new HashMap<>();
    private Watches watches;
    private KarpenterApi lastLoggedApi;

    public InformerClusterWatch(
            KubernetesClientProvider provider, Clock clock, Duration syncTimeout, Duration watchGrace) {
        this.provider = provider;
        this.clock = clock;
        this.syncTimeout = syncTimeout;
        this.watchGrace = watchGrace;
        this.disruptions = new DisruptionTracker(clock);
    }

    /** The informers of one connection; replaced as a whole when it has to be rebuilt. */
    private record Watches(
            KubernetesClient client,
            KarpenterApi api,
            Instant detectedAt,
            SharedIndexInformer<Node> nodes,
            SharedIndexInformer<Pod> pods,
            SlimPodStore podStore,
            Optional<KarpenterInformers> karpenter) {

        Map<String, SharedIndexInformer<?>> all() {
            Map<String, SharedIndexInformer<?>> m = new java.util.LinkedHashMap<>();
            m.put("nodes", nodes);
            m.put("pods", pods);
            karpenter.ifPresent(k -> {
                m.put("nodepools", k.nodePools());
                m.put("nodeclaims", k.nodeClaims());
            });
            return m;
        }
    }

    /** The NodePool and NodeClaim informers: both or neither. */
    private record KarpenterInformers(
            SharedIndexInformer<GenericKubernetesResource> nodePools,
            SharedIndexInformer<GenericKubernetesResource> nodeClaims) {}

    @Override
    public synchronized ClusterState snapshot() throws ExporterException {
        Instant now = clock.instant();
        if (watches != null
                && !watches.api().readable()
                && !now.isBefore(watches.detectedAt().plus(API_RECHECK))) {
            recheckApi();
        }
        if (watches == null) {
            watches = start();
        }
        checkWatching(now);
        return ClusterStateBuilder.build(
                now,
                watches.api(),
                watches.karpenter().map(k -> k.nodePools().getStore().list()).orElse(List.of()),
                watches.karpenter().map(k -> k.nodeClaims().getStore().list()).orElse(List.of()),
                watches.nodes().getStore().list(),
                watches.podStore().summaries(),
                disruptions);
    }

    private Watches start() throws ExporterException {
        KubernetesClient client = provider.connect();
        List<SharedIndexInformer<?>> started = new ArrayList<>();
        try {
            KarpenterApi api = KarpenterApiDetector.detect(client);
            SharedIndexInformer<Node> nodes = client.nodes().runnableInformer(0);
            SlimPodStore podStore = new SlimPodStore();
            SharedIndexInformer<Pod> pods = client.pods()
                    .inAnyNamespace()
                    .withoutField("status.phase", "Succeeded")
                    .withoutField("status.phase", "Failed")
                    .runnableInformer(0)
                    .removeNamespaceIndex()
                    .itemStore(podStore);
            started.add(nodes);
            started.add(pods);
            sync(nodes, pods);
            Optional<KarpenterInformers> karpenter = Optional.empty();
            if (api.v1()) {
                karpenter = startKarpenter(client);
                if (karpenter.isEmpty()) {
                    api = api.denied();
                }
            }
            logApi(api);
            Watches w = new Watches(client, api, clock.instant(), nodes, pods, podStore, karpenter);
            disruptions.arm();
            log.info(
                    "kubernetes watches synced ({}): {} nodes, {} pods, {} nodepools, {} nodeclaims",
                    provider.describe(),
                    nodes.getStore().list().size(),
                    podStore.size(),
                    karpenter.map(k -> k.nodePools().getStore().list().size()).orElse(0),
                    karpenter.map(k -> k.nodeClaims().getStore().list().size()).orElse(0));
            return w;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopAll(started, client);
            throw new ExporterException(FailureReason.INTERNAL, "interrupted while syncing the watches", e);
        } catch (Exception e) {
            stopAll(started, client);
            throw KubernetesFailures.of("starting the kubernetes watches (" + provider.describe() + ")", e);
        }
    }

    /**
     * Starts and syncs the NodePool and NodeClaim informers. Empty when the API server answers 403: a
     * ServiceAccount whose RBAC lacks {@code karpenter.sh} still gets node and pending-pod data, as an old
     * Karpenter does, instead of losing everything to an optional part.
     */
    private Optional<KarpenterInformers> startKarpenter(KubernetesClient client) throws Exception {
        SharedIndexInformer<GenericKubernetesResource> nodePools =
                client.genericKubernetesResources(NODEPOOLS).runnableInformer(0);
        SharedIndexInformer<GenericKubernetesResource> nodeClaims =
                client.genericKubernetesResources(NODECLAIMS).runnableInformer(0);
        nodeClaims.addEventHandler(new ClaimEvents(nodeClaims));
        try {
            sync(nodePools, nodeClaims);
            return Optional.of(new KarpenterInformers(nodePools, nodeClaims));
        } catch (ExecutionException e) {
            nodePools.stop();
            nodeClaims.stop();
            if (FailureReason.ACCESS_DENIED.equals(KubernetesFailures.reason(KubernetesFailures.unwrap(e)))) {
                return Optional.empty();
            }
            throw e;
        } catch (Exception e) {
            nodePools.stop();
            nodeClaims.stop();
            throw e;
        }
    }

    /** Starts the informers and waits for their initial lists, all within the sync timeout. */
    private void sync(SharedIndexInformer<?>... informers) throws Exception {
        List<CompletableFuture<Void>> syncs = new ArrayList<>();
        for (SharedIndexInformer<?> informer : informers) {
            syncs.add(informer.start().toCompletableFuture());
        }
        CompletableFuture.allOf(syncs.toArray(CompletableFuture[]::new))
                .get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Asks discovery again while NodePools and NodeClaims are not read: after a Karpenter upgrade adds v1, or an
     * RBAC change allows it, their watches start beside the running node and pod watches.
     */
    private void recheckApi() throws ExporterException {
        KarpenterApi now;
        Optional<KarpenterInformers> karpenter = Optional.empty();
        try {
            now = KarpenterApiDetector.detect(watches.client());
            if (now.v1()) {
                karpenter = startKarpenter(watches.client());
                if (karpenter.isEmpty()) {
                    now = now.denied();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExporterException(FailureReason.INTERNAL, "interrupted while starting the karpenter watches", e);
        } catch (Exception e) {
            throw KubernetesFailures.of("asking the API server for karpenter.sh/v1", e);
        }
        logApi(now);
        if (karpenter.isPresent()) {
            log.info("karpenter.sh/v1 can now be read; the NodePool and NodeClaim watches are running");
        }
        watches = new Watches(
                watches.client(), now, clock.instant(), watches.nodes(), watches.pods(), watches.podStore(), karpenter);
    }

    /**
     * Fails the refresh when a watch has been down longer than the grace period. fabric8 reconnects dropped
     * watches by itself; an informer that stopped for good is rebuilt on the next refresh.
     */
    private void checkWatching(Instant now) throws ExporterException {
        for (Map.Entry<String, SharedIndexInformer<?>> e : watches.all().entrySet()) {
            SharedIndexInformer<?> informer = e.getValue();
            if (!informer.isRunning()) {
                log.warn("the {} informer stopped; rebuilding the kubernetes watches", e.getKey());
                closeWatches();
                throw new ExporterException(
                        FailureReason.UNREACHABLE, "the " + e.getKey() + " watch stopped; it is restarted next time");
            }
            if (informer.isWatching()) {
                downSince.remove(e.getKey());
                continue;
            }
            Instant since = downSince.computeIfAbsent(e.getKey(), k -> now);
            Duration down = Duration.between(since, now);
            if (down.compareTo(watchGrace) >= 0) {
                throw new ExporterException(
                        FailureReason.UNREACHABLE,
                        "the " + e.getKey() + " watch has been down for " + down.toSeconds()
                                + "s; fabric8 keeps reconnecting");
            }
        }
    }

    private void logApi(KarpenterApi api) {
        if (api.equals(lastLoggedApi)) {
            return;
        }
        lastLoggedApi = api;
        if (api.readable()) {
            log.info("karpenter.sh API versions served: {}; reading v1", api.served());
        } else if (api.accessDenied()) {
            log.warn("karpenter.sh/v1 is served but listing NodePools/NodeClaims is forbidden (HTTP 403): NodePool and"
                    + " NodeClaim metrics are off, node and pending-pod metrics continue"
                    + " (tierlens_karpenter_api_supported says so; the RBAC is in docs/exporters/karpenter.md)");
        } else if (api.installed()) {
            log.warn(
                    "karpenter.sh API versions served: {}, but tierlens reads karpenter.sh/v1 (Karpenter 1.0+);"
                            + " NodePool and NodeClaim metrics are off until Karpenter is upgraded, node and"
                            + " pending-pod metrics continue (tierlens_karpenter_api_supported says so)",
                    api.served());
        } else {
            log.warn("no karpenter.sh API on this cluster: only node and pending-pod metrics are reported");
        }
    }

    private static void stopAll(List<SharedIndexInformer<?>> informers, KubernetesClient client) {
        informers.forEach(SharedIndexInformer::stop);
        client.close();
    }

    private void closeWatches() {
        if (watches != null) {
            stopAll(new ArrayList<>(watches.all().values()), watches.client());
            watches = null;
            downSince.clear();
        }
    }

    @Override
    public synchronized void close() {
        closeWatches();
    }

    private static ResourceDefinitionContext karpenter(String plural, String kind) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(KarpenterApiDetector.GROUP)
                .withVersion(KarpenterApi.READ_VERSION)
                .withPlural(plural)
                .withKind(kind)
                .withNamespaced(false)
                .build();
    }

    /** Feeds the disruption tracker from NodeClaim events, on the informer's thread. */
    private final class ClaimEvents implements ResourceEventHandler<GenericKubernetesResource> {
        private final SharedIndexInformer<GenericKubernetesResource> informer;

        ClaimEvents(SharedIndexInformer<GenericKubernetesResource> informer) {
            this.informer = informer;
        }

        @Override
        public void onAdd(GenericKubernetesResource claim) {
            disruptions.seen(claim, this::current);
        }

        @Override
        public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
            disruptions.seen(after, this::current);
        }

        @Override
        public void onDelete(GenericKubernetesResource claim, boolean finalStateUnknown) {
            disruptions.gone(claim, this::current);
        }

        private List<NodeClaim> current() {
            Instant now = clock.instant();
            return informer.getStore().list().stream()
                    .map(c -> NodeClaimParser.parse(c, now))
                    .toList();
        }
    }
}
