package io.tierlens.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * No Docker engine here, so the image cannot be built in CI; this checks what can be: the jar it copies is the one
 * the build makes, it runs as the chart's non-root user, and it starts the way the chart starts it.
 */
class DockerfileTest {
    private static final Path ROOT = RepoLayout.root();
    private final DockerfileInstructions dockerfile =
            DockerfileInstructions.parse(RepoLayout.read(ROOT.resolve("Dockerfile")));

    private static Container chartContainer() {
        return Chart.repository()
                .template()
                .only(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }

    /** exporters/app/target/&lt;shade finalName&gt;.jar, read from the app's pom. */
    static String appJarPath() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(ROOT.resolve("exporters/app/pom.xml").toFile());
        String finalName = (String) XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                        "//*[local-name()='plugin'][*[local-name()='artifactId']='maven-shade-plugin']"
                                + "//*[local-name()='finalName']",
                        pom,
                        XPathConstants.STRING);
        assertThat(finalName).as("shade finalName in exporters/app/pom.xml").isNotBlank();
        return "exporters/app/target/" + finalName.strip() + ".jar";
    }

    @Test
    void itIsOneStageOnAJava17RuntimePinnedByDigest() {
        assertThat(dockerfile.all("FROM"))
                .singleElement()
                .satisfies(from -> assertThat(from.arguments())
                        .matches("(eclipse-temurin:17-jre|gcr\\.io/distroless/java17)\\S*@sha256:\\S+"));
    }

    @Test
    void itCarriesTheOciLabelsFromBuildArguments() {
        String labels = String.join(
                " ",
                dockerfile.all("LABEL").stream()
                        .map(DockerfileInstructions.Instruction::arguments)
                        .toList());
        for (String key : List.of("title", "description", "source", "licenses", "version", "revision")) {
            assertThat(labels).contains("org.opencontainers.image." + key + "=");
        }
        List<String> args = dockerfile.all("ARG").stream()
                .map(a -> a.arguments().split("=")[0])
                .toList();
        assertThat(args).contains("VERSION", "REVISION", "SOURCE", "LICENSES");
        assertThat(labels).contains("${VERSION}", "${REVISION}", "${SOURCE}", "${LICENSES}");
    }

    @Test
    void itCopiesTheShadedJarTheAppBuildWrites() throws Exception {
        List<String> copy = List.of(dockerfile.last("COPY").arguments().split("\\s+"));
        assertThat(copy).as("COPY <jar> <dest>").hasSize(2);
        assertThat(copy.get(0)).isEqualTo(appJarPath());
        assertThat(copy.get(1)).isEqualTo("/app/tierlens.jar");
        // .dockerignore must let it through
        assertThat(RepoLayout.read(ROOT.resolve(".dockerignore")).lines()).contains("!" + appJarPath());
    }

    @Test
    void theCopiedJarExistsAfterPackage() throws Exception {
        Path jar = ROOT.resolve(dockerfile.last("COPY").arguments().split("\\s+")[0]);
        assumeTrue(Files.exists(jar), jar + " is built by `./mvnw package` (mvn verify builds it before this module)");
        try (JarFile jf = new JarFile(jar.toFile())) {
            assertThat(jf.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.tierlens.app.launch.Launcher");
        }
    }

    @Test
    void itRunsAsTheChartsNonRootUser() {
        String user = dockerfile.last("USER").arguments();
        assertThat(user).matches("65532(:65532)?");
        assertThat(chartContainer().getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        // everything after the last USER runs as that user; nothing may switch back to root
        assertThat(dockerfile.all("USER"))
                .allSatisfy(
                        u -> assertThat(u.arguments()).doesNotStartWith("root").doesNotStartWith("0"));
    }

    @Test
    void itStartsTheWayTheChartStartsIt() throws IOException {
        Container c = chartContainer();
        assertThat(dockerfile.last("ENTRYPOINT").execForm()).isEqualTo(c.getCommand());
        assertThat(dockerfile.last("CMD").execForm()).isEqualTo(c.getArgs());
        assertThat(dockerfile.last("EXPOSE").arguments())
                .isEqualTo(String.valueOf(c.getPorts().get(0).getContainerPort()));
        assertThat(dockerfile.last("ENTRYPOINT").execForm()).containsSubsequence(DeploymentTest.JVM_FLAGS);
    }
}
