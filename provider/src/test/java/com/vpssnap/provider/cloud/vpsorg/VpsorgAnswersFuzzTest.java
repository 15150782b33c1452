package com.vpssnap.provider.cloud.vpsorg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vpssnap.provider.cloud.Answer;
import com.vpssnap.provider.cloud.AnswerShapeException;

import java.nio.charset.StandardCharsets;

/** As LocawebAnswersFuzzTest, for VPS.org's snapshot and server readers. */
class VpsorgAnswersFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "5s")
    void readAnswer(byte[] bytes) {
        JsonNode tree;
        try {
            // As ApiHttp reads an answer: the body as UTF-8 text, then the JSON parser.
            tree = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException notJson) {
            return;
        }
        if (tree == null) {
            return;
        }
        try {
            VpsorgClient.snapshot(Answer.of(tree));
        } catch (AnswerShapeException expected) {
            // named refusal
        }
        try {
            VpsorgClient.server(Answer.of(tree));
        } catch (AnswerShapeException expected) {
            // named refusal
        }
    }
}
