package io.counterbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlowdownKnobTest {

    @AfterEach
    void clear() {
        System.clearProperty(SlowdownKnob.PROPERTY);
    }

    @Test
    void percentBecomesOneExtraAddEveryPowerOfTwoAdds() {
        System.setProperty(SlowdownKnob.PROPERTY, "tree:5,flat:2, per-thread:20,adder:10,atomic:100,jctools:3");
        assertEquals(16, SlowdownKnob.every("tree"));
        assertEquals(64, SlowdownKnob.every("flat"));
        assertEquals(4, SlowdownKnob.every("per-thread"));
        assertEquals(8, SlowdownKnob.every("adder"));
        assertEquals(1, SlowdownKnob.every("atomic"));
        assertEquals(32, SlowdownKnob.every("jctools"));
        assertEquals(0, SlowdownKnob.every("tree-topo"), "not named: no extra work");
    }

    @Test
    void emptyOrMissingMeansNoExtraWork() {
        assertEquals(0, SlowdownKnob.every("tree"));
        System.setProperty(SlowdownKnob.PROPERTY, "");
        assertEquals(0, SlowdownKnob.every("tree"));
        // the test JVM starts without the property: the knob's branch is compiled away
        assertFalse(SlowdownKnob.ON);
    }

    @Test
    void malformedSpecsAreRefused() {
        System.setProperty(SlowdownKnob.PROPERTY, "tree");
        assertThrows(IllegalArgumentException.class, () -> SlowdownKnob.every("tree"));
        System.setProperty(SlowdownKnob.PROPERTY, "tree:0");
        assertThrows(IllegalArgumentException.class, () -> SlowdownKnob.every("tree"));
        System.setProperty(SlowdownKnob.PROPERTY, "tree:150");
        assertThrows(IllegalArgumentException.class, () -> SlowdownKnob.every("tree"));
    }
}
