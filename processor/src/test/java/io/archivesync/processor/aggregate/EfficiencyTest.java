package io.archivesync.processor.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EfficiencyTest {

    @Test
    void shouldCountAGetAndAPutForAnObjectUpToOnePart() {
        assertThat(Efficiency.baselineRequests(0)).isEqualTo(2);
        assertThat(Efficiency.baselineRequests(Efficiency.PART_SIZE)).isEqualTo(2);
    }

    @Test
    void shouldCountMultipartUploadRequestsAboveOnePart() {
        // GET + CreateMultipartUpload + 2 UploadPart + CompleteMultipartUpload
        assertThat(Efficiency.baselineRequests(Efficiency.PART_SIZE + 1)).isEqualTo(5);
        // 1 GiB in 8 MiB parts: 128 parts
        assertThat(Efficiency.baselineRequests(1024L * 1024 * 1024)).isEqualTo(131);
    }

    @Test
    void shouldGiveNoThroughputWithoutTime() {
        assertThat(Efficiency.throughput(1000, 0)).isZero();
        assertThat(Efficiency.throughput(1000, 500)).isEqualTo(2000.0);
    }
}
