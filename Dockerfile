# The image the Helm chart (helm/tierlens) runs. Build the jar first, then the image:
#   ./mvnw -B package -DskipTests          # writes exporters/app/target/tierlens.jar (the production jar only)
#   docker build -t <registry>/tierlens:0.1.0 --build-arg VERSION=0.1.0 \
#     --build-arg REVISION="$(git rev-parse HEAD)" --build-arg SOURCE=<repository URL> .
# eclipse-temurin rather than distroless: the chart's batch CronJobs run shell commands through
# `tierlens run-job` in this image. The pod still runs non-root with a read-only root filesystem.
#
# The base image is pinned by digest so that a rebuild is the same image. To get or update the digest (this
# repository's build machines have no registry access, so the value below is a placeholder to replace):
#   docker buildx imagetools inspect eclipse-temurin:17-jre --format '{{json .Manifest.Digest}}'
#   # or: crane digest eclipse-temurin:17-jre  /  skopeo inspect docker://eclipse-temurin:17-jre | jq -r .Digest
# and put the sha256:… after the @ below; update it when Temurin publishes a new 17 JRE (security fixes).
FROM eclipse-temurin:17-jre@sha256:<digest>

# OCI labels from build arguments. The repository declares no licence and no public URL yet: LICENSES stays the SPDX
# "NOASSERTION" and SOURCE empty until it does; pass them with --build-arg.
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG SOURCE=""
ARG LICENSES=NOASSERTION
LABEL org.opencontainers.image.title="tierlens" \
      org.opencontainers.image.description="Observability and cost exporters for 3-tier web applications on AWS EKS" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="${LICENSES}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"

# 65532 is the chart's runAsUser; a named user keeps tools that look up the uid quiet.
RUN groupadd --system --gid 65532 tierlens \
 && useradd --system --uid 65532 --gid 65532 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin tierlens

COPY exporters/app/target/tierlens.jar /app/tierlens.jar

USER 65532:65532
EXPOSE 9469

# The same JVM flags as the chart's deployment.jvmFlags (a test keeps them equal, and the chart's container command
# equal to this ENTRYPOINT). The heap is 40 % of the container's memory limit (102 MiB at the chart's 256Mi);
# giving flags also keeps the jar's launcher from starting a second JVM (docs/install.md "Sizing").
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms32m", "-XX:MaxRAMPercentage=40", "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=32m", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/tierlens.jar"]
CMD ["run", "--config", "/etc/tierlens/config.yaml", "--log-format", "json"]
