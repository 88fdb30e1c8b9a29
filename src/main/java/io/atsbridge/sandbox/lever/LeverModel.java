package io.atsbridge.sandbox.lever;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's records, shaped after lever.md sections 6.1–6.4. Mutable and unsynchronised: they are only touched
 * while holding their {@link LeverAccount}'s lock; {@link LeverRender} turns them into Lever's JSON.
 */
final class LeverModel {
    private LeverModel() { }

    static final class Posting {
        String id;
        String text;
        long createdAt;
        long updatedAt;
        String user;
        String owner;
        String hiringManager;
        String confidentiality = "non-confidential";
        String team;
        String department;
        String location;
        List<String> allLocations = new ArrayList<>();
        String commitment;
        String level;
        String description;
        String descriptionHtml;
        List<Map<String, String>> lists = new ArrayList<>();
        String closing;
        String closingHtml;
        String country;
        List<String> followers = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        String state;
        /** Null models Lever's observed {@code distributionChannels: null}. */
        List<String> distributionChannels;
        String reqCode;
        List<String> requisitionCodes = new ArrayList<>();
        String salaryDescription;
        String salaryDescriptionHtml;
        Map<String, Object> salaryRange;
        /** False models Lever's observed {@code urls: null}. */
        boolean hasUrls = true;
        String workplaceType = "unspecified";
        boolean generated;
    }

    static final class Contact {
        String id;
        String name;
        String headline;
        String location;
        List<String> emails = new ArrayList<>();
        List<Map<String, String>> phones = new ArrayList<>();
        List<String> links = new ArrayList<>();
    }

    static final class Archived {
        final long archivedAt;
        final String reason;

        Archived(long archivedAt, String reason) {
            this.archivedAt = archivedAt;
            this.reason = reason;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("archivedAt", archivedAt);
            m.put("reason", reason);
            return m;
        }
    }

    static final class StageChange {
        final String toStageId;
        final int toStageIndex;
        final String userId;
        final long updatedAt;

        StageChange(String toStageId, int toStageIndex, String userId, long updatedAt) {
            this.toStageId = toStageId;
            this.toStageIndex = toStageIndex;
            this.userId = userId;
            this.updatedAt = updatedAt;
        }
    }

    static final class Application {
        String id;
        String opportunityId;
        String postingId;
        String user;
        long createdAt;
        String type = "posting";
    }

    static final class FileRecord {
        String id;
        String name;
        String ext;
        long size;
        long uploadedAt;
        String status;
        String sha256;
        String contentType;
    }

    static final class Note {
        String id;
        String value;
        boolean secret;
        Integer score;
        String user;
        long createdAt;
        String parentNoteId;
    }

    static final class Opportunity {
        String id;
        String contactId;
        String headline;
        String location;
        String stage;
        List<StageChange> stageChanges = new ArrayList<>();
        Archived archived;
        List<String> tags = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> links = new ArrayList<>();
        String origin;
        String sourcedBy;
        String owner;
        List<String> followers = new ArrayList<>();
        Application application;
        String confidentiality = "non-confidential";
        long createdAt;
        long updatedAt;
        long lastInteractionAt;
        long lastAdvancedAt;
        String opportunityLocation;
        List<FileRecord> files = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        Long deletedAt;
        String deletedBy;
    }

    static final class User {
        String id;
        String name;
        String username;
        String email;
        long createdAt;
        Long deactivatedAt;
        String externalDirectoryId;
        String accessRole;
        String photo;
        String jobTitle;
        String managerId;
    }

    static final class Stage {
        final String id;
        final String text;

        Stage(String id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    static final class ArchiveReason {
        final String id;
        final String text;
        final String status;
        final String type;

        ArchiveReason(String id, String text, String status, String type) {
            this.id = id;
            this.text = text;
            this.status = status;
            this.type = type;
        }
    }

    static final class Webhook {
        String id;
        String url;
        String event;
        long createdAt;
        long updatedAt;
        List<String> origins;
        String signatureToken;
        /** Created through the control API (a UI-configured webhook in real Lever): not editable through /v1/webhooks. */
        boolean viaControl;
    }
}
