package dev.ponder.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ponder.testing.backend.BackendAgreement;
import dev.ponder.testing.backend.Position;

class BackendAgreementTest {

    private static final List<Position> REFERENCE = List.of(
            new Position(0, " there", Map.of(" there", 0.93, " in", 0.05)),
            new Position(1, " was", Map.of(" was", 0.98, " a", 0.01)),
            new Position(2, " ", Map.of(" ", 0.41, " with", 0.39)));

    @Test
    void smallDriftsAndSwappedNearTiesAgree() {
        List<Position> other = List.of(
                new Position(0, " there", Map.of(" there", 0.94, " in", 0.04)),
                new Position(1, " was", Map.of(" was", 0.97, " a", 0.02)),
                new Position(2, " ", Map.of(" ", 0.38, " with", 0.40)));

        assertThat(BackendAgreement.disagreements(REFERENCE, other)).isEmpty();
    }

    @Test
    void anotherTopTokenOrALargeDriftDisagrees() {
        List<Position> other = List.of(
                new Position(0, " there", Map.of(" there", 0.30, " in", 0.60)),
                new Position(1, " was", Map.of(" was", 0.98, " a", 0.01)),
                new Position(2, " ", Map.of(" with", 0.9)));

        assertThat(BackendAgreement.disagreements(REFERENCE, other))
                .anyMatch(problem -> problem.startsWith("position 0 (' there'): top token"))
                .anyMatch(problem -> problem.startsWith("position 2 (' '): p(' ') differs by 1.0000"))
                .anyMatch(problem -> problem.contains("on average"));
    }

    @Test
    void aDifferentForcedTokenStopsTheComparisonThere() {
        List<Position> other = List.of(REFERENCE.get(0), new Position(1, " wa", Map.of(" wa", 1.0)));

        assertThat(BackendAgreement.disagreements(REFERENCE, other))
                .containsExactly("the forced texts took 3 and 2 tokens", "position 1: forced token ' was' vs ' wa'");
    }
}
