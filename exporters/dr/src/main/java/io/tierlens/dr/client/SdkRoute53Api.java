package io.tierlens.dr.client;

import io.tierlens.dr.model.CheckerObservation;
import io.tierlens.dr.model.FailoverRecordSet;
import io.tierlens.dr.model.FailoverRole;
import io.tierlens.dr.model.HealthCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ResourceRecordSetFailover;

/** {@link Route53Api} over the AWS SDK. */
public final class SdkRoute53Api implements Route53Api, AutoCloseable {
    private final Route53Client client;

    public SdkRoute53Api(Route53Client client) {
        this.client = client;
    }

    @Override
    public List<HealthCheck> listHealthChecks() {
        List<HealthCheck> out = new ArrayList<>();
        for (var page : client.listHealthChecksPaginator()) {
            for (var hc : page.healthChecks()) {
                out.add(toModel(hc.id(), hc.healthCheckConfig()));
            }
        }
        return out;
    }

    static HealthCheck toModel(String id, HealthCheckConfig c) {
        String type = c == null || c.typeAsString() == null ? "UNKNOWN" : c.typeAsString();
        String name = switch (type) {
            case "CALCULATED" -> "calculated";
            case "CLOUDWATCH_METRIC" ->
                "cloudwatch_alarm:"
                        + (c.alarmIdentifier() == null
                                ? ""
                                : c.alarmIdentifier().name());
            case "RECOVERY_CONTROL" -> "recovery_control";
            default ->
                c == null
                        ? id
                        : HealthCheck.endpointName(
                                type, c.fullyQualifiedDomainName(), c.ipAddress(), c.port(), c.resourcePath());
        };
        return new HealthCheck(id, type, name);
    }

    @Override
    public List<CheckerObservation> getHealthCheckStatus(String healthCheckId) {
        List<CheckerObservation> out = new ArrayList<>();
        for (HealthCheckObservation o :
                client.getHealthCheckStatus(r -> r.healthCheckId(healthCheckId)).healthCheckObservations()) {
            Instant checked = o.statusReport() == null || o.statusReport().checkedTime() == null
                    ? Instant.EPOCH
                    : o.statusReport().checkedTime();
            String status = o.statusReport() == null ? "" : o.statusReport().status();
            out.add(CheckerObservation.of(o.regionAsString(), status, checked));
        }
        return out;
    }

    /**
     * Lists from {@code name}/{@code type} on (record sets are sorted by name, then type) until the name or type
     * changes, following NextRecordName/Type/Identifier pages: a failover pair may straddle two pages.
     */
    @Override
    public List<FailoverRecordSet> listFailoverRecordSets(String hostedZoneId, String name, String type) {
        String wanted = FailoverRecordSet.normalize(name);
        List<FailoverRecordSet> out = new ArrayList<>();
        ListResourceRecordSetsRequest request = ListResourceRecordSetsRequest.builder()
                .hostedZoneId(hostedZoneId)
                .startRecordName(wanted)
                .startRecordType(RRType.fromValue(type))
                .build();
        while (true) {
            ListResourceRecordSetsResponse page = client.listResourceRecordSets(request);
            for (ResourceRecordSet rrs : page.resourceRecordSets()) {
                if (!FailoverRecordSet.normalize(rrs.name()).equals(wanted) || !type.equals(rrs.typeAsString())) {
                    return out;
                }
                if (rrs.failover() != null && rrs.failover() != ResourceRecordSetFailover.UNKNOWN_TO_SDK_VERSION) {
                    out.add(toModel(rrs));
                }
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return out;
            }
            request = request.toBuilder()
                    .startRecordName(page.nextRecordName())
                    .startRecordType(page.nextRecordType())
                    .startRecordIdentifier(page.nextRecordIdentifier())
                    .build();
        }
    }

    static FailoverRecordSet toModel(ResourceRecordSet rrs) {
        List<String> values = new ArrayList<>();
        for (ResourceRecord r : rrs.resourceRecords()) {
            values.add(rrs.type() == RRType.CNAME ? FailoverRecordSet.normalize(r.value()) : r.value());
        }
        return new FailoverRecordSet(
                FailoverRecordSet.normalize(rrs.name()),
                rrs.typeAsString(),
                rrs.setIdentifier() == null ? "" : rrs.setIdentifier(),
                rrs.failover() == ResourceRecordSetFailover.PRIMARY ? FailoverRole.PRIMARY : FailoverRole.SECONDARY,
                Optional.ofNullable(rrs.healthCheckId()).filter(s -> !s.isEmpty()),
                values,
                Optional.ofNullable(rrs.aliasTarget()).map(a -> FailoverRecordSet.normalize(a.dnsName())));
    }

    @Override
    public void close() {
        client.close();
    }
}
