package io.atsbridge.core.job;

import io.atsbridge.db.PostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/** The same engine guarantees on a real PostgreSQL (row locks, SKIP LOCKED, ON CONFLICT as production runs them). */
@ContextConfiguration(initializers = PostgresInitializer.class)
class JobImportEnginePostgresIT extends JobImportEngineTest { }
