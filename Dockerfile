# The image the Helm chart (helm/tierlens) runs. Build the jar first, then the image:
#   ./mvnw -B package -DskipTests          # writes exporters/app/target/tierlens.jar
#   docker build -t <registry>/tierlens:0.1.0 .
# eclipse-temurin rather than distroless: the chart's batch CronJobs run shell commands through
# `tierlens run-job` in this image. The pod still runs non-root with a read-only root filesystem.
FROM eclipse-temurin:17-jre

# 65532 is the chart's runAsUser; a named user keeps tools that look up the uid quiet.
RUN groupadd --system --gid 65532 tierlens \
 && useradd --system --uid 65532 --gid 65532 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin tierlens

COPY exporters/app/target/tierlens.jar /app/tierlens.jar

USER 65532:65532
EXPOSE 9469

# JVM flags sized from the measured footprint; the same as the chart's deployment.jvmFlags (a test keeps
# them equal, and the chart's container command equal to this ENTRYPOINT).
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms32m", "-Xmx96m", "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=32m", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/tierlens.jar"]
CMD ["run", "--config", "/etc/tierlens/config.yaml", "--log-format", "json"]
