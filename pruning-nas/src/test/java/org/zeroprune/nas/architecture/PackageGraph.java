package org.zeroprune.nas.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependencies between the framework's top-level packages ({@code org.zeroprune.nas.X}, the
 * root package as {@code (root)}), as edges {@code "X -> Y"}, and which of them close a cycle (both
 * ends in one strongly connected component).
 */
final class PackageGraph {
    static final String ROOT = "org.zeroprune.nas";

    private final Map<String, Set<String>> edges = new TreeMap<>();

    PackageGraph(JavaClasses classes) {
        for (JavaClass c : classes) {
            String from = packageOf(c.getPackageName());
            if (from == null) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = packageOf(d.getTargetClass().getBaseComponentType().getPackageName());
                if (to != null && !to.equals(from)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
    }

    /** {@code X} of {@code org.zeroprune.nas.X...}, {@code (root)} for the root package, null outside. */
    static String packageOf(String name) {
        if (name.equals(ROOT)) {
            return "(root)";
        }
        if (!name.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Every edge, as {@code "X -> Y"}. */
    Set<String> edges() {
        Set<String> all = new TreeSet<>();
        edges.forEach((from, tos) -> tos.forEach(to -> all.add(from + " -> " + to)));
        return all;
    }

    /** The edges whose ends lie in one strongly connected component: those that close a cycle. */
    Set<String> cyclicEdges() {
        Map<String, Integer> component = components();
        Set<String> cyclic = new TreeSet<>();
        edges.forEach((from, tos) -> tos.stream().filter(to -> component.get(from).equals(component.get(to)))
                .forEach(to -> cyclic.add(from + " -> " + to)));
        return cyclic;
    }

    /** Tarjan's strongly connected components: package to component number. */
    private Map<String, Integer> components() {
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(nodes::addAll);
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        int[] counter = {0, 0};
        for (String node : nodes) {
            if (!index.containsKey(node)) {
                connect(node, index, low, component, stack, counter);
            }
        }
        return component;
    }

    private void connect(String node, Map<String, Integer> index, Map<String, Integer> low, Map<String, Integer> component,
            Deque<String> stack, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]++);
        stack.push(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, index, low, component, stack, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            String member;
            do {
                member = stack.pop();
                component.put(member, counter[1]);
            } while (!member.equals(node));
            counter[1]++;
        }
    }
}
