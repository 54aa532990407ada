package org.zeroprune.nas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ConfigException;

/** Overrides of text keys are taken literally; configuration files that cannot be parsed say why in one line. */
class TextOverrideTest {
    @TempDir
    Path dir;

    private static PruneConfig with(String key, String value) {
        return ConfigLoader.load(Optional.empty(), Map.of(key, value));
    }

    @Test
    void aTextKeyKeepsWhatYamlWouldReadAsAnotherValue() {
        for (String value : List.of("yes", "off", "1e3", "0x10", "007", ".5", "*x", "null", "~", "&x", "-", "[a]")) {
            assertEquals(value, with("output.dir", value).output().dir(), value);
            assertEquals(value, with("model", value).model(), value);
            assertEquals(value, with("scoring.corpus", value).scoring().corpus(), value);
        }
        assertEquals("007", with("output.sts", "007").output().sts());
        assertEquals(List.of("yes"), with("plugins", "yes").plugins());
        assertEquals(List.of("yes", "0x10", "a b"), with("plugins", "[yes, '0x10', a b]").plugins());
        assertEquals(List.of(), with("plugins", "[]").plugins());
        assertEquals(Map.of("k", "0x10"), with("scoring.options.k", "0x10").scoring().options());
    }

    @Test
    void numbersAndBooleansStillParse() {
        assertEquals(0.5, with("budget.flops", "0.5").budgetRatio());
        assertEquals(16, with("search.candidates", "0x10").search().candidates());
        assertTrue(with("output.overwrite", "yes").output().overwrite());
        assertFalse(with("output.export", "off").output().export());
    }

    @Test
    void theTextKeysComeFromTheRecords() {
        assertEquals(TextKeys.Kind.TEXT, TextKeys.of("search.unit-importance"));
        assertEquals(TextKeys.Kind.TEXT, TextKeys.of("reconstruct.level"));
        assertEquals(TextKeys.Kind.TEXT_LIST, TextKeys.of("plugins"));
        assertEquals(null, TextKeys.of("budget.sequence-length"));
        assertEquals(TextKeys.Kind.TEXT_MAP, TextKeys.of("scoring.options"));
    }

    private String error(String name, byte[] content) throws Exception {
        Path file = Files.write(dir.resolve(name), content);
        String message = assertThrows(ConfigException.class, () -> ConfigLoader.read(file)).getMessage();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith(file.toString()), message);
        return message;
    }

    @Test
    void randomBytesAreNotUtf8Text() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0xa6;
        String message = error("rnd.bin", bytes);
        assertTrue(message.contains("not UTF-8 text"), message);
    }

    @Test
    void aSyntaxErrorIsOneLineWithItsPlace() throws Exception {
        String tab = error("tab.yaml", "search:\n\tseed: 1\n".getBytes());
        assertTrue(tab.contains("not valid YAML or JSON") && tab.contains("(line 2, column"), tab);
        String cut = error("cut.json", "{\"search\": {\"seed\": ".getBytes());
        assertTrue(cut.contains("not valid YAML or JSON") && cut.contains("(line 1, column"), cut);
    }

    @Test
    void aDirectoryIsNotCalledMissing() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("conf"));
        String message = assertThrows(ConfigException.class, () -> ConfigLoader.read(folder)).getMessage();
        assertEquals(folder + ": is a directory; expected a YAML or JSON configuration file", message);
    }
}
