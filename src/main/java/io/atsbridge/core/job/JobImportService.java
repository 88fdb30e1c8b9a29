package io.atsbridge.core.job;

import org.springframework.stereotype.Service;

/** Starts job imports; filled in by the engine. */
@Service("jobImportService")
public class JobImportService {
    public int startDueImports() {
        return 0;
    }
}
