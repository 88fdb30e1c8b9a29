package io.atsbridge.core.provider;

import java.util.Map;

/** Lets a provider persist what changes during use: rotated OAuth tokens (atomically), resolved ids, invalid grants. */
public interface ConnectionStateWriter {
    ConnectionStateWriter NONE = new ConnectionStateWriter() {
        @Override public Credentials reloadCredentials() { return null; }
        @Override public void saveCredentials(Credentials credentials) { }
        @Override public void saveState(Map<String, String> state) { }
        @Override public void markInvalid(String reason) { }
    };

    /** The credentials as stored now (another thread may have rotated them); null when there are none. */
    Credentials reloadCredentials();

    /** Replaces the stored credentials (encrypted) in one transaction, e.g. after a refresh-token rotation. */
    void saveCredentials(Credentials credentials);

    /** Merges keys into the provider state. */
    void saveState(Map<String, String> state);

    /** Turns the connection {@code invalid} with a reason the board can show (e.g. "the Lever grant was revoked"). */
    void markInvalid(String reason);
}
