package org.zeroprune.nas.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles provider sources and packs them with their service file into a real plugin jar, so
 * that the classes exist only inside the jar (not on the test class path).
 */
public final class PluginJarBuilder {
    private PluginJarBuilder() {
    }

    /**
     * The source of a provider {@code pkg.type} of a strategy {@code name} without options.
     *
     * @param create the body of {@code create(StrategyOptions o)}
     * @param extra further members (a constructor, say), or empty
     */
    public static String provider(String pkg, String type, String name, String create, String extra) {
        return provider(pkg, type, name, "SPI_VERSION", create, extra);
    }

    /**
     * As {@link #provider(String, String, String, String, String)}, compiled as if against another SPI:
     * {@code spiVersion()} returns {@code spiVersion}, a Java expression such as {@code "\"2.0\""}.
     */
    public static String provider(String pkg, String type, String name, String spiVersion, String create,
            String extra) {
        return "package " + pkg + ";\n"
                + "import java.util.List;\n"
                + "import org.zeroprune.spi.*;\n"
                + "public class " + type + " implements ScoringStrategyProvider {\n"
                + "  " + extra + "\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public String spiVersion() { return " + spiVersion + "; }\n"
                + "  public String description() { return \"" + name + " for tests\"; }\n"
                + "  public List<OptionSpec> options() { return List.of(); }\n"
                + "  public ScoringStrategy create(StrategyOptions o) { " + create + " }\n"
                + "}\n";
    }

    /**
     * @param sources fully qualified class name to Java source
     * @param jar the jar to write
     */
    public static Path build(Map<String, String> sources, Path jar) throws IOException {
        Path work = Files.createTempDirectory("plugin-src");
        List<String> args = new ArrayList<>(List.of("-d", work.resolve("classes").toString(), "-cp",
                System.getProperty("java.class.path"), "--release", "17", "-nowarn"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = work.resolve("src").resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("plugin sources did not compile");
        }
        Path classes = work.resolve("classes");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.zeroprune.spi.ScoringStrategyProvider"));
            OutputStream services = out;
            services.write(String.join("\n", sources.keySet()).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
