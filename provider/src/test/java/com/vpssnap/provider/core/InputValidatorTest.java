package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.PropertyType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputValidatorTest {
    private static final List<PropertySpec> INPUTS = List.of(
            PropertySpec.requiredInput("server", PropertyType.STRING, "The server."),
            PropertySpec.optionalInput("serverId", PropertyType.INTEGER, "The server's id."),
            PropertySpec.optionalInput("note", PropertyType.STRING, "A note."));

    private static List<ValidationFailure> structural(Map<String, ?> values) {
        return InputValidator.structural("vpssnap:test:Thing", INPUTS, Props.of(values)).failures();
    }

    @Test
    void aMissingRequiredInputIsNamedWithItsDescription() {
        assertEquals(List.of(new ValidationFailure("server", "is required: The server.")), structural(Map.of()));
    }

    @Test
    void aStrayKeyIsNamedWithTheInputsThereAre() {
        List<ValidationFailure> failures = structural(Map.of("server", "a", "sever", "b"));
        assertEquals(List.of(new ValidationFailure("sever",
                "is not an input of vpssnap:test:Thing; the inputs are server, serverId, note")), failures);
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatItGotAndWhatIsAllowed() {
        List<ValidationFailure> failures = structural(Map.of("server", 42L, "serverId", "x"));
        assertEquals("must be a string, got the number 42", failures.get(0).reason());
        assertEquals("serverId", failures.get(1).property());
        assertTrue(failures.get(1).reason().startsWith("must be a whole number"), failures.toString());
    }

    @Test
    void unknownValuesPassUntilTheyAreKnown() {
        Props inputs = Props.of(Map.of("server", Unknown.VALUE, "serverId", Unknown.VALUE));
        assertEquals(List.of(), InputValidator.structural("t", INPUTS, inputs)
                .text(inputs, "server", 1, 3, Pattern.compile("[a-z]+"), "letters").atLeast(inputs, "serverId", 1).failures());
    }

    @Test
    void textRulesReportLengthThenCharactersOncePerProperty() {
        Props inputs = Props.of(Map.of("server", "abcd", "note", "A\u0007"));
        List<ValidationFailure> failures = InputValidator.structural("t", INPUTS, inputs)
                .text(inputs, "server", 1, 3, Pattern.compile("[a-z]+"), "letters")
                .text(inputs, "server", 1, 10, Pattern.compile("[0-9]+"), "digits")
                .printable(inputs, "note", 0, 10).failures();
        assertEquals(List.of(new ValidationFailure("server", "is 4 characters long; the maximum is 3"),
                new ValidationFailure("note", "\"A\\u0007\" is not allowed: control characters are not allowed")), failures);
    }

    @Test
    void atLeastQuotesTheNumber() {
        Props inputs = Props.of(Map.of("server", "a", "serverId", 0L));
        assertEquals(List.of(new ValidationFailure("serverId", "0 is not allowed: it must be 1 or more")),
                InputValidator.structural("t", INPUTS, inputs).atLeast(inputs, "serverId", 1).failures());
    }
}
