package org.zeroprune.nas.onnxruntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The CPU's int8 instruction set, read from {@code /proc/cpuinfo}: what decides how much faster ONNX
 * Runtime's integer kernels run. With VNNI ({@code avx512_vnni}, {@code avx_vnni}) a uint8 × int8 dot
 * product is one instruction; with AVX2 alone, 8-bit weights may saturate the 16-bit intermediate sums,
 * which {@code reduce-range} (7-bit weights) avoids. Int8 timings are reported with it, since they do
 * not transfer between machines that differ here.
 *
 * @param model the CPU's model name, or {@code unknown}
 * @param int8 the best int8 path: {@code amx_int8}, {@code avx512_vnni}, {@code avx_vnni}, {@code avx512bw},
 *     {@code avx2}, or {@code none}
 */
public record CpuInstructionSet(String model, String int8) {
    /** Best first; the first the CPU has is its int8 path. */
    private static final List<String> INT8_PATHS = List.of("amx_int8", "avx512_vnni", "avx_vnni", "avx512bw", "avx2");

    /** This machine's, or {@code unknown} and {@code none} where {@code /proc/cpuinfo} cannot be read (not Linux). */
    public static CpuInstructionSet current() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            String model = value(lines, "model name");
            return of(model.isEmpty() ? "unknown" : model, Set.of(value(lines, "flags").split("\\s+")));
        } catch (IOException | RuntimeException e) {
            return new CpuInstructionSet("unknown", "none");
        }
    }

    /** From the CPU's model name and its flags as {@code /proc/cpuinfo} spells them. */
    public static CpuInstructionSet of(String model, Set<String> flags) {
        return new CpuInstructionSet(model, INT8_PATHS.stream().filter(flags::contains).findFirst().orElse("none"));
    }

    /** Whether the CPU multiplies uint8 by int8 in one instruction (VNNI or AMX). */
    public boolean hasVnni() {
        return int8.contains("vnni") || int8.equals("amx_int8");
    }

    /** One line for summaries and tables. */
    public String describe() {
        return model + ", int8 path " + int8 + (hasVnni() ? " (VNNI dot products)"
                : " (no VNNI: consider reduce-range, 7-bit weights)");
    }

    private static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
                .orElse("");
    }
}
