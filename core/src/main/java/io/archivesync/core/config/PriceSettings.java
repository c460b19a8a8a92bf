package io.archivesync.core.config;

/**
 * The price table the efficiency aggregates estimate cost savings with (docs/dashboard.md has the formulas). The
 * defaults are AWS's public list prices for S3 Standard in us-east-1; they are an estimate to compare methods by,
 * not a bill: tiers, other regions, storage classes and negotiated prices differ.
 *
 * @param currency             the currency the prices are in, shown next to the figures
 * @param writeRequestsPer1000 price of 1,000 PUT, COPY, POST or LIST requests (every request the copier issues is
 *                             priced at this rate, so the estimated saving is a lower bound)
 * @param readRequestsPer1000  price of 1,000 GET or HEAD requests (the baseline's download)
 * @param egressPerGb          price of one GB (2^30 bytes) read out of the source storage to the copier; 0 when the
 *                             copier runs in the source's region
 */
public record PriceSettings(String currency, double writeRequestsPer1000, double readRequestsPer1000,
                            double egressPerGb) {

    public PriceSettings {
        currency = Check.notBlank("processor.prices.currency", currency);
        Check.nonNegative("processor.prices.writeRequestsPer1000", writeRequestsPer1000);
        Check.nonNegative("processor.prices.readRequestsPer1000", readRequestsPer1000);
        Check.nonNegative("processor.prices.egressPerGb", egressPerGb);
    }
}
