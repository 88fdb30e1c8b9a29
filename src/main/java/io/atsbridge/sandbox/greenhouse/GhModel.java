package io.atsbridge.sandbox.greenhouse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulator's state objects. Mutable on purpose: every read and write happens while holding the owning
 * {@link GhAccount}'s lock, and payloads are copied into maps before the lock is released.
 */
final class GhModel {
    private GhModel() { }

    static final class User {
        long id;
        String firstName;
        String lastName;
        String email;
        String employeeId;
        boolean disabled;
        /** Basic users can create candidates but cannot read them back or create tracking links (fact sheet §1.4). */
        boolean basic;

        String name() { return firstName + " " + lastName; }
    }

    static final class Department {
        long id;
        String name;
        Long parentId;
        String externalId;
    }

    static final class Office {
        long id;
        String name;
        String location;
        Long parentId;
        String externalId;
    }

    static final class Stage {
        long id;
        String name;

        Stage(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    static final class Job {
        long id;
        String name;
        String requisitionId;
        String notes;
        boolean confidential;
        String status;               // open | closed | draft
        Instant createdAt;
        Instant openedAt;
        Instant closedAt;
        Instant updatedAt;
        Department department;
        Office office;
        long createdById;
        final List<Stage> stages = new ArrayList<>();
        final List<Long> postIds = new ArrayList<>();
    }

    static final class JobPost {
        long id;
        Long jobId;                  // null = prospect post
        String title;
        String location;
        String content;              // raw HTML
        String internalContent;
        boolean live;
        boolean active = true;
        boolean internal;
        boolean external = true;
        Instant createdAt;
        Instant updatedAt;
        Instant firstPublishedAt;
    }

    static final class Source {
        final long id;
        final String name;

        Source(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    static final class RejectionReason {
        final long id;
        final String name;
        final long typeId;
        final String typeName;

        RejectionReason(long id, String name, long typeId, String typeName) {
            this.id = id;
            this.name = name;
            this.typeId = typeId;
            this.typeName = typeName;
        }
    }

    static final class Candidate {
        long id;
        String firstName;
        String lastName;
        String company;
        String title;
        String externalId;
        Instant createdAt;
        Instant updatedAt;
        List<Map<String, Object>> phoneNumbers = List.of();   // {value,type} (webhook spelling)
        List<Map<String, Object>> emailAddresses = List.of();
        List<Map<String, Object>> addresses = List.of();
        List<Map<String, Object>> websiteAddresses = List.of();
        List<Map<String, Object>> socialMediaAddresses = List.of();
        String resumeUrl;
        String notes;
        User recruiter;
        User coordinator;
        Source source;
        final List<Long> applicationIds = new ArrayList<>();

        String name() { return firstName + " " + lastName; }
    }

    static final class Application {
        long id;
        long candidateId;
        Long jobId;
        boolean prospect;
        String status = "active";   // active | rejected | hired
        Stage stage;
        Instant appliedAt;
        Instant lastActivityAt;
        Instant rejectedAt;
        RejectionReason rejectionReason;
        Source source;
        User creditedTo;
        ProspectPool pool;
        Stage poolStage;
        User prospectOwner;
        Long offerId;
        Instant offerCreatedAt;
    }

    static final class ProspectPool {
        long id;
        String name;
        final List<Stage> stages = new ArrayList<>();
    }
}
