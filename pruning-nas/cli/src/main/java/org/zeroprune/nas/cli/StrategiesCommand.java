package org.zeroprune.nas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.RegisteredStrategy;
import org.zeroprune.spi.OptionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zeroprune strategies}: the scoring strategies found, with where each came from. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "List the scoring strategies found on the class path and in plugin directories"
                + " (./plugins, $ZEROPRUNE_PLUGINS, --plugins), with their options and the jar each came from.")
final class StrategiesCommand implements Callable<Integer> {
    @Mixin
    PluginsOption plugins;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PluginRegistry registry = plugins.discover();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode list = mapper.createArrayNode();
            for (RegisteredStrategy s : registry.strategies()) {
                ObjectNode node = list.addObject();
                node.put("name", s.name());
                node.put("description", s.provider().description());
                node.put("source", s.source());
                node.set("options", mapper.valueToTree(s.provider().options()));
            }
            ObjectNode root = mapper.createObjectNode();
            root.set("strategies", list);
            root.set("problems", mapper.valueToTree(registry.problems()));
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return 0;
        }
        if (registry.strategies().isEmpty()) {
            System.out.println("No scoring strategies found. Put a plugin jar in ./plugins or pass --plugins DIR.");
        }
        for (RegisteredStrategy s : registry.strategies()) {
            System.out.printf("%-22s %s%n", s.name(), s.provider().description());
            System.out.printf("%-22s from %s%n", "", s.source());
            for (OptionSpec o : s.provider().options()) {
                String choices = o.choices().isEmpty() ? "" : " {" + String.join("|", o.choices()) + "}";
                System.out.printf("%-22s   --option %s=%s%s  %s%n", "", o.key(), o.defaultValue(), choices, o.description());
            }
        }
        for (String problem : registry.problems()) {
            System.err.println("warning: " + problem);
        }
        return 0;
    }
}
