package io.atsbridge.sandbox.greenhouse;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One sandbox Greenhouse organisation. All state is guarded by {@link #lock}; callers take it through
 * {@link GreenhouseSandboxStore#read}/{@link GreenhouseSandboxStore#write} so payloads are built from a consistent view.
 */
final class GhAccount {
    final int number;
    final String boardToken;
    final Instant createdAt = Instant.now();
    final ReentrantLock lock = new ReentrantLock();
    final Set<String> keys = new CopyOnWriteArraySet<>();
    final GhFaults faults = new GhFaults();
    volatile long lastUsedNanos = System.nanoTime();

    String companyName = "Demo Company";
    GhModel.Source partnerSource;
    final Map<Long, GhModel.User> users = new LinkedHashMap<>();
    final Map<Long, GhModel.Department> departments = new LinkedHashMap<>();
    final Map<Long, GhModel.Office> offices = new LinkedHashMap<>();
    final Map<Long, GhModel.Job> jobs = new LinkedHashMap<>();
    final Map<Long, GhModel.JobPost> posts = new LinkedHashMap<>();
    final Map<Long, GhModel.Candidate> candidates = new LinkedHashMap<>();
    final Map<Long, GhModel.Application> applications = new LinkedHashMap<>();
    final Map<Long, GhModel.ProspectPool> pools = new LinkedHashMap<>();
    final List<GhModel.RejectionReason> rejectionReasons = new ArrayList<>();
    final Map<Long, GhWebhook> webhooks = new LinkedHashMap<>();
    final Deque<GhDeliveryRecord> deliveryLog = new ArrayDeque<>();
    /** Tracking-link tokens handed out, so a demo can show where an applicant came from. */
    final Map<String, Long> trackingLinks = new LinkedHashMap<>();
    final GreenhouseSandboxWebhooks.ControlSwitches webhookSwitches = new GreenhouseSandboxWebhooks.ControlSwitches();
    /** Recent delivered bodies by event id, for duplicate/bad-signature re-sends (bounded LRU). */
    final Map<String, GreenhouseSandboxWebhooks.Delivery> sentBodies = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, GreenhouseSandboxWebhooks.Delivery> e) {
                    return size() > 200;
                }
            });

    /** Harvest rate window: [10-second window number, requests in it]; guarded by itself. */
    final long[] harvestWindow = new long[2];

    private long nextId;

    GhAccount(int number, String boardToken) {
        this.number = number;
        this.boardToken = boardToken;
        // distinct id ranges per account so ids from two accounts are never confused in a test
        this.nextId = 4_000_000L + number * 1_000_000L;
    }

    long nextId() {
        return ++nextId;
    }

    GhModel.User activeUserByEmail(String email) {
        if (email == null) {
            return null;
        }
        for (GhModel.User u : users.values()) {
            if (!u.disabled && u.email.equalsIgnoreCase(email.trim())) {
                return u;
            }
        }
        return null;
    }

    GhModel.User userByEmail(String email) {
        for (GhModel.User u : users.values()) {
            if (u.email.equalsIgnoreCase(email.trim())) {
                return u;
            }
        }
        return null;
    }

    boolean hasLivePost(GhModel.Job job) {
        for (Long pid : job.postIds) {
            GhModel.JobPost p = posts.get(pid);
            if (p != null && p.active && p.live) {
                return true;
            }
        }
        return false;
    }

    GhModel.JobPost firstPost(GhModel.Job job) {
        for (Long pid : job.postIds) {
            GhModel.JobPost p = posts.get(pid);
            if (p != null && p.active) {
                return p;
            }
        }
        return null;
    }

    void logDelivery(GhDeliveryRecord r, int max) {
        synchronized (deliveryLog) {
            deliveryLog.addLast(r);
            while (deliveryLog.size() > max) {
                deliveryLog.removeFirst();
            }
        }
    }

    List<GhDeliveryRecord> deliveries() {
        synchronized (deliveryLog) {
            return new ArrayList<>(deliveryLog);
        }
    }
}
