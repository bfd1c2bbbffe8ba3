package dev.escalation.workers.refund;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The Stripe-compatible payment API that issues refunds ({@code POST {base-url}/v1/refunds}). */
@ConfigurationProperties("escalation.payments")
public record PaymentProperties(
    @DefaultValue("https://api.stripe.com") String baseUrl,
    /** Secret key ({@code sk_...}); from the environment (ESCALATION_PAYMENTS_API_KEY), never the repository. */
    @DefaultValue("") String apiKey,
    @DefaultValue("PT10S") Duration timeout) {}
