package io.archivesync.core.archive;

import io.archivesync.avro.ArchiveCoordinates;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key layout of Binance's public archive ({@code data.binance.vision}):
 * {@code data/{market}/{frequency}/{dataType}/{SYMBOL}/[{interval}/]{file}}, where kline-like data types have an
 * interval level and every data file has a {@code .CHECKSUM} sidecar.
 */
public final class ArchiveLayout {

    public static final String ROOT = "data/";
    public static final String CHECKSUM_SUFFIX = ".CHECKSUM";

    private static final Set<String> KLINE_TYPES =
            Set.of("klines", "indexPriceKlines", "markPriceKlines", "premiumIndexKlines");
    private static final Pattern FILE = Pattern.compile("^(.+)-(\\d{4}-\\d{2}(?:-\\d{2})?)\\.zip(\\.CHECKSUM)?$");

    private ArchiveLayout() {
    }

    /** Whether files of this data type sit under an interval level ({@code klines/BTCUSDT/1m/...}). */
    public static boolean hasInterval(String dataType) {
        return KLINE_TYPES.contains(dataType);
    }

    /** The listing prefix of one symbol (and interval, for kline types). */
    public static String prefix(String market, String frequency, String dataType, String symbol, String interval) {
        String base = ROOT + market + "/" + frequency + "/" + dataType + "/" + symbol + "/";
        return hasInterval(dataType) ? base + interval + "/" : base;
    }

    /** The prefix under which symbols of one market, frequency and data type are found. */
    public static String symbolsPrefix(String market, String frequency, String dataType) {
        return ROOT + market + "/" + frequency + "/" + dataType + "/";
    }

    /** The data file's name for a date ({@code YYYY-MM-DD} for daily, {@code YYYY-MM} for monthly). */
    public static String fileName(String dataType, String symbol, String interval, String date) {
        return symbol + "-" + (hasInterval(dataType) ? interval : dataType) + "-" + date + ".zip";
    }

    private static boolean isDate(String date) {
        try {
            if (date.length() == 7) {
                YearMonth.parse(date);
            } else {
                LocalDate.parse(date);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Reads an archive key back into coordinates; empty when the key does not follow the layout or names an
     * impossible date. The layout may sit under a prefix ({@code binance/data/spot/...}), as mirrored keys do.
     */
    public static Optional<ArchiveCoordinates> parse(String key) {
        int root = key.startsWith(ROOT) ? 0 : key.indexOf("/" + ROOT) + 1;
        if (root == 0 && !key.startsWith(ROOT)) {
            return Optional.empty();
        }
        String[] s = key.substring(root + ROOT.length()).split("/");
        int i = 0;
        if (s.length < 5) {
            return Optional.empty();
        }
        String market = s[i++];
        if (market.equals("futures")) {
            market = market + "/" + s[i++];
        }
        if (s.length - i < 4) {
            return Optional.empty();
        }
        String frequency = s[i++];
        String dataType = s[i++];
        String symbol = s[i++];
        String interval = null;
        if (hasInterval(dataType)) {
            if (s.length - i != 2) {
                return Optional.empty();
            }
            interval = s[i++];
        }
        if (s.length - i != 1) {
            return Optional.empty();
        }
        Matcher m = FILE.matcher(s[i]);
        if (!m.matches() || !(frequency.equals("daily") || frequency.equals("monthly")) || !isDate(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(ArchiveCoordinates.newBuilder()
                .setMarket(market)
                .setFrequency(frequency)
                .setDataType(dataType)
                .setSymbol(symbol)
                .setInterval(interval)
                .setDate(m.group(2))
                .setSidecar(m.group(3) != null)
                .build());
    }
}
