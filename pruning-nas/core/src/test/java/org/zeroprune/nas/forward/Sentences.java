package org.zeroprune.nas.forward;

import java.util.List;

/** Varied English test sentences: short and long, punctuation, digits, accents, a truncated one. */
public final class Sentences {
    private Sentences() {
    }

    /** Forty sentences of lengths from 3 to 128 tokens. */
    public static List<String> varied() {
        return List.of(
                "Hi.",
                "Rain again.",
                "The kettle whistled while the toast burned.",
                "She parked the bicycle beside the old stone bridge and walked the rest of the way.",
                "Why would anyone paint a lighthouse purple?",
                "In 1969, 600 million people watched the Moon landing on television.",
                "The committee postponed its decision until the auditors had finished their report.",
                "Café owners in Zürich complained about the new tariffs on imported coffee beans.",
                "Two plus two is four; four times four is sixteen.",
                "A heron stood motionless in the shallows, waiting.",
                "Please remember to water the tomatoes, the basil, and the lemon tree on Thursday.",
                "The algorithm converged after 3,214 iterations with a residual of 0.0007.",
                "He said, \"I'll be back before the kettle boils,\" and vanished for three hours.",
                "Quantum tunnelling lets particles cross barriers they could not climb classically.",
                "My grandmother's recipe calls for a pinch of nutmeg and far too much butter.",
                "The train to Edinburgh was delayed by forty minutes because of a signal failure near York.",
                "Ok.",
                "Can you believe the price of a cinema ticket these days?",
                "Glaciers carve U-shaped valleys, while rivers cut V-shaped ones.",
                "The orchestra tuned up as latecomers shuffled to their seats in the dark.",
                "Data without context is just noise; context without data is just opinion.",
                "Volunteers planted 12,000 saplings along the riverbank last spring.",
                "Is this the right platform for the 8:15 to Brighton?",
                "The museum's new wing displays tapestries, armour, and a surprisingly large collection of spoons.",
                "Never underestimate the bandwidth of a station wagon full of tapes hurtling down the highway.",
                "The négociant blended wines from three villages to make a smoother cuvée.",
                "A stitch in time saves nine.",
                "Our server crashed at 03:00 UTC after the disk filled with log files.",
                "Children chased pigeons across the square while their parents argued about lunch.",
                "The senator's speech lasted two hours and persuaded nobody.",
                "Electric eels can generate shocks of up to 860 volts.",
                "Thank you!",
                "Despite the storm, the ferry left port on schedule and arrived early.",
                "The library closes at six on weekdays and at noon on Saturdays.",
                "Mathematicians proved the conjecture using a computer search over 10^14 cases.",
                "Snow fell softly on the empty car park.",
                "Could the missing keys be in the pocket of the coat you wore yesterday?",
                "The recipe was simple: flour, water, salt, yeast, and patience.",
                "Archaeologists uncovered a Roman mosaic beneath the floor of a Victorian pub.",
                String.join(" ", java.util.Collections.nCopies(40,
                        "This long sentence repeats itself so that the tokenizer must truncate it.")));
    }
}
