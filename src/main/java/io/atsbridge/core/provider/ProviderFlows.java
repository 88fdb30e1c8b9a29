package io.atsbridge.core.provider;

/**
 * The outbound flows the delivery engine runs, one Camel route per provider and flow, conventionally in
 * {@code routes/<flow>/<provider>-<flow>.yaml}. The engine sends the canonical object to
 * {@code direct:<provider>-<flow>} with the connection in the exchange property {@link #CONNECTION}; the route
 * answers with an {@link io.atsbridge.core.model.AtsRefs} body, or throws {@link AtsException}.
 *
 * <table>
 *   <tr><th>flow</th><th>body in</th></tr>
 *   <tr><td>{@code candidate-export}</td><td>{@link io.atsbridge.core.model.Candidate}</td></tr>
 *   <tr><td>{@code application-submit}</td><td>{@link io.atsbridge.core.model.BoardApplication}</td></tr>
 *   <tr><td>{@code screening-attach}</td><td>{@link io.atsbridge.core.model.Screening}</td></tr>
 * </table>
 *
 * <p>Each flow must be safe to run again after a crash or a lost response: it looks for what an earlier attempt
 * may already have created before creating ({@link #PROGRESS} carries the ids earlier attempts recorded).
 */
public final class ProviderFlows {
    public static final String CANDIDATE_EXPORT = "candidate-export";
    public static final String APPLICATION_SUBMIT = "application-submit";
    public static final String SCREENING_ATTACH = "screening-attach";

    /** Exchange property: the {@link ConnectionContext}. */
    public static final String CONNECTION = "atsbridgeConnection";
    /** Exchange property: the {@link DeliveryProgress} of this delivery (ids recorded by earlier attempts). */
    public static final String PROGRESS = "atsbridgeProgress";

    private ProviderFlows() { }

    public static String endpoint(String provider, String flow) {
        return "direct:" + provider + "-" + flow;
    }

    public static String routeId(String provider, String flow) {
        return provider + "-" + flow;
    }
}
