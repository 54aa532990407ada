package org.zeroprune.nas.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

class RankingMasksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DENSE = "\"dense\": {\"heads\": [2, 2], \"neurons\": [4, 4]}";

    @Test
    void orderRowsKeepThePrefixOfEachLayersOrder() throws Exception {
        RankingMasks masks = new RankingMasks(JSON.readTree("{" + DENSE + ", \"masks\": {\"format\": \"order\","
                + " \"headOrder\": [[1, 0], [0, 1]], \"neuronOrder\": [[3, 1, 0, 2], [0, 1, 2, 3]]},"
                + " \"candidates\": [{\"masks\": {\"keptHeads\": [1, 0], \"keptNeurons\": [2, 4]}}]}"));
        assertEquals(MaskFormat.ORDER, masks.format());
        assertEquals(PruningMask.of(List.of(UnitSet.of(2, 1), UnitSet.none(2)), List.of(UnitSet.of(4, 1, 3), UnitSet.all(4))),
                masks.mask(1));
    }

    @Test
    void aRankingWithoutAMasksSectionHoldsRanges() throws Exception {
        RankingMasks masks = new RankingMasks(JSON.readTree("{" + DENSE + ", \"candidates\": [{\"masks\":"
                + " {\"heads\": [\"0\", \"0-1\"], \"neurons\": [\"\", \"1-2\"]}}]}"));
        assertEquals(MaskFormat.RANGES, masks.format());
        assertEquals(PruningMask.of(List.of(UnitSet.of(2, 0), UnitSet.all(2)), List.of(UnitSet.none(4), UnitSet.of(4, 1, 2))),
                masks.mask(1));
    }

    @Test
    void malformedRankingsAreNamedByKey() throws Exception {
        assertMessage("{" + DENSE + ", \"masks\": {\"format\": \"order\", \"headOrder\": [[0, 0], [0, 1]],"
                + " \"neuronOrder\": [[0, 1, 2, 3], [0, 1, 2, 3]]}}", 1, "the heads order of layer 0 is not a permutation");
        assertMessage("{" + DENSE + ", \"masks\": {\"format\": \"bits\"}}", 1, "masks.format is 'bits'");
        String order = "{" + DENSE + ", \"masks\": {\"format\": \"order\", \"headOrder\": [[0, 1], [0, 1]],"
                + " \"neuronOrder\": [[0, 1, 2, 3], [0, 1, 2, 3]]}, \"candidates\": [{\"masks\": {\"keptHeads\": [1, 3],"
                + " \"keptNeurons\": [\"x\", 1]}}]}";
        assertMessage(order, 1, "candidates[0].masks.keptNeurons[0] should be an integer");
        assertMessage(order, 2, "rank 2 is outside 1..1");
        assertMessage(order.replace("\"x\"", "1"), 1, "layer 1 keeps 3 heads; it has 2");
    }

    @Test
    void aShortUnitOrderIsRefusedNamingTheLayerAndTheDenseWidth() throws Exception {
        // a permutation of 0..2 where the dense layer has 4 neurons: it used to reach the export as an internal error
        assertMessage("{" + DENSE + ", \"masks\": {\"format\": \"order\", \"headOrder\": [[0, 1], [0, 1]],"
                + " \"neuronOrder\": [[0, 1, 2], [0, 1, 2, 3]]}, \"candidates\": [{\"masks\": {\"keptHeads\": [1, 1],"
                + " \"keptNeurons\": [1, 1]}}]}", 1, "masks.neuronOrder[0] orders 3 units, but dense.neurons gives layer 0 4");
        assertMessage("{" + DENSE + ", \"masks\": {\"format\": \"order\", \"headOrder\": [[0, 1]],"
                + " \"neuronOrder\": [[0, 1, 2, 3], [0, 1, 2, 3]]}}", 1, "masks.headOrder lists 1 layers; dense.heads lists 2");
    }

    @Test
    void handEditedRangesAreRefusedNamingRankLayerAndField() throws Exception {
        String row = "{" + DENSE + ", \"candidates\": [{\"masks\": {\"keptHeads\": [1, 2], \"keptNeurons\": [0, 2],"
                + " \"heads\": [\"0\", \"0-1\"], \"neurons\": [\"\", \"1-2\"]}}]}";
        assertEquals(2, new RankingMasks(JSON.readTree(row)).mask(1).heads(1).count());
        assertMessage(row.replace("\"0-1\"", "\"0-1,1\""), 1, "rank 1: candidates[0].masks.heads[1]: unit 1 is listed twice");
        assertMessage(row.replace("\"0-1\"", "2"), 1,
                "rank 1: candidates[0].masks.heads[1] should be text of unit ranges such as \"0-3,7\" (\"\" for none); found 2");
        assertMessage(row.replace("\"1-2\"", "\"1-3\""), 1,
                "rank 1: candidates[0].masks.keptNeurons[1] is 2, but candidates[0].masks.neurons[1] '1-3' keeps 3");
    }

    private static void assertMessage(String json, int rank, String expected) throws Exception {
        JsonNode ranking = JSON.readTree(json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RankingMasks(ranking).mask(rank));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
