package io.archivesync.sink.copy.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token bucket behind both caps, on a clock the test moves. */
class PacerTest {

    private static final long MS = 1_000_000L;

    @Test
    void shouldGrantPermitsNoFasterThanTheRateInTheOrderReserved() {
        // Given 10 permits per second
        Pacer pacer = new Pacer(10, 0);

        // When five are reserved at once
        long[] waits = new long[5];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = pacer.reserve(1, 0);
        }

        // Then they are granted 100 ms apart, the first at once
        assertThat(waits).containsExactly(0, 100 * MS, 200 * MS, 300 * MS, 400 * MS);
    }

    @Test
    void shouldNotSaveUpIdleTimeBeyondTheBurst() {
        // Given a pacer idle for a second, with 50 ms of burst
        Pacer pacer = new Pacer(10, 50 * MS);
        pacer.reserve(1, 0);

        // When three permits are reserved after the pause
        long first = pacer.reserve(1, 1000 * MS);
        long second = pacer.reserve(1, 1000 * MS);
        long third = pacer.reserve(1, 1000 * MS);

        // Then only the burst is credited: the second starts 50 ms early, the third is paced
        assertThat(first).isZero();
        assertThat(second).isEqualTo(50 * MS);
        assertThat(third).isEqualTo(150 * MS);
    }

    @Test
    void shouldChargeReservationsOfManyPermitsByTheirSize() {
        // Given 1,000 bytes per second
        Pacer pacer = new Pacer(1000, 0);

        // When 500 bytes and then 1 byte are reserved
        long first = pacer.reserve(500, 0);
        long next = pacer.reserve(1, 0);

        // Then the next waits for the 500 to be paid for
        assertThat(first).isZero();
        assertThat(next).isEqualTo(500 * MS);
    }
}
