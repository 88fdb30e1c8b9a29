package io.atsbridge.testsupport;

import io.atsbridge.core.model.Job;
import io.atsbridge.core.provider.AtsException;
import io.atsbridge.core.provider.AtsException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of the test provider's "ATS": people created, jobs listed, and scripted faults. Tests assert on this
 * state — what the ATS holds — not on our logs.
 */
public class FakeAts {
    public enum Fault { TIMEOUT, SERVER_ERROR, RATE_LIMITED, COMMIT_THEN_LOSE, REFUSED }

    public final Map<String, String> peopleByEmail = Collections.synchronizedMap(new LinkedHashMap<>());
    public final AtomicInteger creates = new AtomicInteger();
    public final AtomicInteger calls = new AtomicInteger();
    public final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    public final List<Job> jobs = Collections.synchronizedList(new ArrayList<>());
    public volatile int failOnPage = -1;
    public volatile int pageSize = 2;
    public volatile Duration retryAfter = Duration.ofMillis(200);

    public void reset() {
        peopleByEmail.clear();
        creates.set(0);
        calls.set(0);
        faults.clear();
        jobs.clear();
        failOnPage = -1;
        pageSize = 2;
    }

    /** Find-then-create, the way a provider flow must: a retry after a lost answer finds the person. */
    public synchronized String upsertPerson(String email) throws AtsException {
        calls.incrementAndGet();
        Fault f = faults.poll();
        if (f == Fault.TIMEOUT) {
            throw new AtsException(Kind.AMBIGUOUS, 0, "no answer from the ATS within 30 s");
        }
        if (f == Fault.SERVER_ERROR) {
            throw new AtsException(Kind.UNAVAILABLE, 503, "the ATS answered 503");
        }
        if (f == Fault.RATE_LIMITED) {
            throw new AtsException(Kind.RATE_LIMITED, 429, "slow down", retryAfter, null);
        }
        if (f == Fault.REFUSED) {
            throw new AtsException(Kind.REFUSED, 422, "email is invalid");
        }
        String existing = peopleByEmail.get(email);
        if (existing != null) {
            return existing;
        }
        String id = "p" + creates.incrementAndGet();
        peopleByEmail.put(email, id);
        if (f == Fault.COMMIT_THEN_LOSE) {
            throw new AtsException(Kind.AMBIGUOUS, 0, "the connection to the ATS broke: IOException");
        }
        return id;
    }
}
