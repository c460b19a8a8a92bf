package io.archivesync.cli.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void shouldReadAJobIdAsAJob() {
        // When a text without a slash is parsed
        Selection selection = Selection.parse("JOB", "5a03b549-1c2d");

        // Then it selects that job, not destinations
        assertThat(selection.byJob()).isTrue();
        assertThat(selection.job()).isEqualTo("5a03b549-1c2d");
    }

    @Test
    void shouldMatchAKeyAndTheFolderOfTheSameName() {
        // Given a prefix without its trailing slash, with and without the scheme
        Selection withScheme = Selection.parse("PREFIX", "s3://bucket/data");
        Selection without = Selection.parse("PREFIX", "bucket/data");

        // Then it matches the key itself and what is under the folder, not a sibling sharing the prefix
        for (Selection s : new Selection[] {withScheme, without}) {
            assertThat(s.matches("bucket/data")).isTrue();
            assertThat(s.matches("bucket/data/day-1/file.bin")).isTrue();
            assertThat(s.matches("bucket/database")).isFalse();
            assertThat(s.matches("other/data")).isFalse();
        }
    }

    @Test
    void shouldMatchAWholeBucketAndEverythingWithoutAnArgument() {
        assertThat(Selection.parse("PREFIX", "s3://bucket").matches("bucket/any/key")).isTrue();
        assertThat(Selection.parse("PREFIX", null).matches("bucket/any/key")).isTrue();
    }

    @Test
    void shouldRefuseAnInvalidBucket() {
        assertThatThrownBy(() -> Selection.parse("PREFIX", "s3://Not_A_Bucket/key"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PREFIX");
    }

    @Test
    void shouldSelectLocationsOfOtherProvidersByTheirOwnKeys() {
        // Given a GCS prefix and a named remote's key (their record keys are the locations themselves)
        Selection gcs = Selection.parse("PREFIX", "gs://lake/data");
        Selection remote = Selection.parse("KEY", "backup:lake/data/a.zip");

        // Then they match those keys, not an S3 bucket of the same name, and say so as locations
        assertThat(gcs.byJob()).isFalse();
        assertThat(gcs.matches("gs://lake/data/a.zip")).isTrue();
        assertThat(gcs.matches("lake/data/a.zip")).isFalse();
        assertThat(remote.matches("backup:lake/data/a.zip")).isTrue();
        assertThat(gcs).hasToString("gs://lake/data");
    }
}
