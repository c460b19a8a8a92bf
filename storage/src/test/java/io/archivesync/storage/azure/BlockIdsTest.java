package io.archivesync.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockIdsTest {

    @Test
    void shouldMakeBlockIdsOfOneLengthThatNameTheirWrite() {
        String writeId = BlockIds.newWriteId();

        String first = BlockIds.blockId(writeId, 1);
        String last = BlockIds.blockId(writeId, 50_000);

        assertThat(first).hasSameSizeAs(last).isNotEqualTo(last);
        assertThat(BlockIds.writeIdOf(first)).isEqualTo(writeId);
        assertThat(BlockIds.writeIdOf(last)).isEqualTo(writeId);
        assertThat(BlockIds.writeIdOf("not base64!")).isNull();
    }

    @Test
    void shouldReadThePartNumberOfABlockOfItsOwnWriteOnly() {
        String writeId = BlockIds.newWriteId();
        String other = BlockIds.newWriteId();

        assertThat(BlockIds.numberOf(BlockIds.blockId(writeId, 42), writeId)).isEqualTo(42);
        assertThat(BlockIds.numberOf(BlockIds.blockId(other, 42), writeId)).isEqualTo(-1);
        assertThat(BlockIds.numberOf("not base64!", writeId)).isEqualTo(-1);
        assertThat(BlockIds.isWriteId(writeId)).isTrue();
        assertThat(BlockIds.isWriteId("../" + writeId)).isFalse();
    }

    @Test
    void shouldRefusePartNumbersAzureDoesNotHave() {
        assertThatThrownBy(() -> BlockIds.blockId("w", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockIds.blockId("w", 50_001)).isInstanceOf(IllegalArgumentException.class);
    }
}
