package io.atsbridge.core.delivery;

import io.atsbridge.core.config.AtsBridgeProperties;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** POSTs one event to {@code atsbridge.board.callback-url}, signed {@code X-Atsbridge-Signature: sha256=<hex HMAC>}. */
@Component
public class BoardCallbackSender {
    private final AtsBridgeProperties props;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public BoardCallbackSender(AtsBridgeProperties props) {
        this.props = props;
    }

    public void send(String eventJson) throws AtsException {
        String url = props.getBoard().getCallbackUrl();
        if (url == null || url.isBlank()) {
            throw new AtsException(Kind.REFUSED, 0, "atsbridge.board.callback-url is not set any more");
        }
        if (props.getBoard().getCallbackSecret() == null || props.getBoard().getCallbackSecret().isBlank()) {
            throw new AtsException(Kind.REFUSED, 0, "atsbridge.board.callback-secret is not set: callbacks are never sent unsigned");
        }
        byte[] body = eventJson.getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("X-Atsbridge-Signature", "sha256=" + sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int st;
        try {
            st = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AtsException(Kind.UNAVAILABLE, 0, "board callback: " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtsException(Kind.UNAVAILABLE, 0, "interrupted", null, e);
        }
        if (st >= 200 && st < 300) {
            return;
        }
        throw new AtsException(st == 429 || st >= 500 ? Kind.UNAVAILABLE : Kind.REFUSED, st, "the board callback answered " + st);
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(props.getBoard().getCallbackSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
