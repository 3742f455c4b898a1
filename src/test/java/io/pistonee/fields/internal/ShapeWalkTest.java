package io.pistonee.fields.internal;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShapeWalkTest {

    @Test
    void writesOffsetDateTimesAsTheIsoFormatterDoes() {
        Random random = new Random(20261203);
        int[] nanos = {0, 1, 10, 1_000, 500_000_000, 123_456_789, 120_000_000, 999_999_999};
        ZoneOffset[] offsets = {
            ZoneOffset.UTC,
            ZoneOffset.ofHours(1),
            ZoneOffset.ofHoursMinutes(-5, -30),
            ZoneOffset.ofHoursMinutesSeconds(2, 3, 4)
        };
        int[] years = {0, 1, 99, 999, 1970, 2026, 9999, 10_000, -1, -2026};
        for (int year : years) {
            for (int nano : nanos) {
                for (ZoneOffset offset : offsets) {
                    OffsetDateTime time = OffsetDateTime.of(
                            year,
                            1 + random.nextInt(12),
                            1 + random.nextInt(28),
                            random.nextInt(24),
                            random.nextInt(60),
                            random.nextInt(60),
                            nano,
                            offset);
                    assertThat(ShapeWalk.iso(time)).isEqualTo(ISO_OFFSET_DATE_TIME.format(time));
                }
            }
        }
        OffsetDateTime midnight = OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(ShapeWalk.iso(midnight)).isEqualTo("2026-10-01T00:00:00Z");
    }
}
