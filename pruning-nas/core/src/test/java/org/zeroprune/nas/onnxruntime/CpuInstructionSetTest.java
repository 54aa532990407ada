package org.zeroprune.nas.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The int8 path is the best instruction set among the CPU's flags, as /proc/cpuinfo spells them. */
class CpuInstructionSetTest {
    @Test
    void theBestInt8PathAmongTheFlagsIsNamed() {
        CpuInstructionSet epyc = CpuInstructionSet.of("AMD EPYC", Set.of("sse4_2", "avx2", "avx512bw", "avx512_vnni"));
        assertEquals("avx512_vnni", epyc.int8());
        assertTrue(epyc.hasVnni());
        assertEquals("AMD EPYC, int8 path avx512_vnni (VNNI dot products)", epyc.describe());
        CpuInstructionSet haswell = CpuInstructionSet.of("Intel Xeon E5", Set.of("sse4_2", "avx", "avx2"));
        assertEquals("avx2", haswell.int8());
        assertFalse(haswell.hasVnni());
        assertTrue(haswell.describe().contains("consider reduce-range"), haswell.describe());
        assertEquals("avx_vnni", CpuInstructionSet.of("Alder Lake", Set.of("avx2", "avx_vnni")).int8());
        assertEquals("none", CpuInstructionSet.of("arm", Set.of("neon")).int8());
    }

    @Test
    void thisMachinesIsReadWithoutFailing() {
        CpuInstructionSet here = CpuInstructionSet.current();
        assertFalse(here.model().isEmpty());
        assertFalse(here.int8().isEmpty());
    }
}
