import { sqliteTable, text, integer, real, primaryKey, index, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Milliseconds since the epoch, read and written as Date. */
const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const roles = ['learner', 'educator', 'admin'] as const;
export type Role = (typeof roles)[number];

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Stored lower-cased so one address has one account. */
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** The name as it is printed on certificates. */
    name: text('name').notNull(),
    profession: text('profession').notNull(),
    role: text('role', { enum: roles }).notNull().default('learner'),
    createdAt: timestamp('created_at').notNull(),
    disabledAt: timestamp('disabled_at'),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

/** The owning user of a row, removed with the account. */
const userRef = () =>
  text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the session token (hex): the token itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    userId: userRef(),
    expiresAt: timestamp('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Token buckets for rate limits, kept in the database so several app servers share them. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  tokens: real('tokens').notNull(),
  updatedAt: timestamp('updated_at').notNull(),
});

/** One-time links, such as the first-run link that creates the admin account. */
export const setupTokens = sqliteTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  purpose: text('purpose', { enum: ['first-admin'] }).notNull(),
  createdAt: timestamp('created_at').notNull(),
  expiresAt: timestamp('expires_at').notNull(),
  usedAt: timestamp('used_at'),
});

export const enrolments = sqliteTable(
  'enrolments',
  {
    userId: userRef(),
    courseSlug: text('course_slug').notNull(),
    joinedAt: timestamp('joined_at').notNull(),
    lastActiveAt: timestamp('last_active_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseSlug] }), index('enrolments_course_idx').on(t.courseSlug, t.joinedAt)],
);

export const stepCompletions = sqliteTable(
  'step_completions',
  {
    userId: userRef(),
    courseSlug: text('course_slug').notNull(),
    /** The step's stable id from its frontmatter, not its file name or number. */
    stepId: text('step_id').notNull(),
    completedAt: timestamp('completed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.courseSlug, t.stepId] }),
    index('step_completions_course_step_idx').on(t.courseSlug, t.stepId),
  ],
);

/** Every submission of a test or assessment, with what was chosen and the order it was shown in. */
export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: text('id').primaryKey(),
    userId: userRef(),
    courseSlug: text('course_slug').notNull(),
    quizId: text('quiz_id').notNull(),
    kind: text('kind', { enum: ['quiz', 'assessment'] }).notNull(),
    /** Whole per cent of questions answered correctly. */
    score: integer('score').notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    /** JSON: { [questionId]: optionId[] }. */
    answers: text('answers').notNull(),
    /** JSON: the question and option order shown, so feedback matches what the learner saw. */
    layout: text('layout').notNull(),
    submittedAt: timestamp('submitted_at').notNull(),
  },
  (t) => [index('quiz_attempts_user_quiz_idx').on(t.userId, t.courseSlug, t.quizId), index('quiz_attempts_course_quiz_idx').on(t.courseSlug, t.quizId)],
);

/** Where a learner stopped in a video or audio step, and how much of it they have actually played. */
export const mediaProgress = sqliteTable(
  'media_progress',
  {
    userId: userRef(),
    courseSlug: text('course_slug').notNull(),
    stepId: text('step_id').notNull(),
    positionSeconds: real('position_seconds').notNull(),
    playedSeconds: real('played_seconds').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseSlug, t.stepId] })],
);

/** A certificate: a snapshot of what it certifies, made once per learner and course. */
export const certificates = sqliteTable(
  'certificates',
  {
    /** Canonical certificate number (16 Crockford base32 symbols, no dashes). */
    number: text('number').primaryKey(),
    userId: userRef(),
    courseSlug: text('course_slug').notNull(),
    learnerName: text('learner_name').notNull(),
    courseTitle: text('course_title').notNull(),
    provider: text('provider').notNull(),
    cpdHours: real('cpd_hours').notNull(),
    approvalStatement: text('approval_statement').notNull(),
    /** JSON array of the learning outcomes, as printed. */
    outcomes: text('outcomes').notNull(),
    /** JSON { name?, role } of the lead educator, as printed. */
    leadEducator: text('lead_educator').notNull(),
    /** When the certificate rule was first met. */
    completedAt: timestamp('completed_at').notNull(),
    issuedAt: timestamp('issued_at').notNull(),
    revokedAt: timestamp('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [uniqueIndex('certificates_user_course_unique').on(t.userId, t.courseSlug)],
);

/** A learner's weekly reflection for their CPD record. */
export const reflections = sqliteTable(
  'reflections',
  {
    userId: userRef(),
    courseSlug: text('course_slug').notNull(),
    week: integer('week').notNull(),
    learned: text('learned').notNull(),
    apply: text('apply').notNull(),
    next: text('next').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseSlug, t.week] })],
);

/** Which educators teach which course: they moderate its discussion. Educators are users with role 'educator'. */
export const courseEducators = sqliteTable(
  'course_educators',
  {
    userId: userRef(),
    courseSlug: text('course_slug').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseSlug] }), index('course_educators_course_idx').on(t.courseSlug)],
);

/**
 * A number per step that changes whenever anything its discussion shows may have changed: kept by triggers (in the
 * migration that adds this table) on comments, authors' names and roles, and course educators, so no write path
 * can forget it. A kept thread is reused only while its step's stamp is unchanged (src/lib/discussion/kept-thread.ts).
 */
export const threadStamps = sqliteTable(
  'thread_stamps',
  {
    courseSlug: text('course_slug').notNull(),
    stepId: text('step_id').notNull(),
    stamp: integer('stamp').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseSlug, t.stepId] })],
);

/** A comment under a step, or a reply to one (one level deep). The body is plain text, never HTML. */
export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    courseSlug: text('course_slug').notNull(),
    stepId: text('step_id').notNull(),
    userId: userRef(),
    /** The comment this one answers; null for a comment on the step itself. */
    parentId: text('parent_id').references((): AnySQLiteColumn => comments.id, { onDelete: 'cascade' }),
    /** Emptied when a comment with replies is deleted, so only "Comment deleted" remains. */
    body: text('body').notNull(),
    /** Kept equal to the rows in comment_likes, so "most liked" can use an index. */
    likeCount: integer('like_count').notNull().default(0),
    createdAt: timestamp('created_at').notNull(),
    editedAt: timestamp('edited_at'),
    deletedAt: timestamp('deleted_at'),
    /** Hidden by an educator: invisible to learners. */
    hiddenAt: timestamp('hidden_at'),
    pinnedAt: timestamp('pinned_at'),
  },
  (t) => [
    index('comments_step_newest_idx').on(t.courseSlug, t.stepId, t.parentId, t.createdAt),
    index('comments_step_liked_idx').on(t.courseSlug, t.stepId, t.parentId, t.likeCount, t.createdAt),
    index('comments_step_pinned_idx').on(t.courseSlug, t.stepId, t.pinnedAt),
    // Covers the count shown under every step.
    index('comments_step_state_idx').on(t.courseSlug, t.stepId, t.deletedAt, t.hiddenAt),
    index('comments_parent_idx').on(t.parentId, t.createdAt),
  ],
);

/** One like per person and comment. */
export const commentLikes = sqliteTable(
  'comment_likes',
  {
    commentId: text('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: userRef(),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

export const bookmarks = sqliteTable(
  'bookmarks',
  {
    userId: userRef(),
    commentId: text('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.commentId] }), index('bookmarks_comment_idx').on(t.commentId), index('bookmarks_user_created_idx').on(t.userId, t.createdAt)],
);

/** A learner's report of a comment for an educator to review; one per person and comment. */
export const commentReports = sqliteTable(
  'comment_reports',
  {
    commentId: text('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: userRef(),
    reason: text('reason').notNull(),
    details: text('details').notNull().default(''),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

export const notificationKinds = ['mention', 'reply'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** "Someone mentioned you" or "someone replied to you"; at most one per person and comment. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    /** Who is told. */
    userId: userRef(),
    /** Who wrote the comment. */
    actorId: text('actor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    commentId: text('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    courseSlug: text('course_slug').notNull(),
    stepId: text('step_id').notNull(),
    createdAt: timestamp('created_at').notNull(),
    readAt: timestamp('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_comment_user_unique').on(t.commentId, t.userId),
    // Covers the unread count in the header of every page.
    index('notifications_user_unread_idx').on(t.userId, t.readAt),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
  ],
);

// Access: email, password reset, tiers, codes and organisations (docs/access.md).

export const emailTokenPurposes = ['verify-email', 'verify-nhs', 'reset-password'] as const;
export type EmailTokenPurpose = (typeof emailTokenPurposes)[number];

/** Single-use links sent by email. Only the SHA-256 of each token is stored. */
export const emailTokens = sqliteTable(
  'email_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: userRef(),
    purpose: text('purpose', { enum: emailTokenPurposes }).notNull(),
    /** Where the link was sent: an NHS address may differ from the sign-in email. */
    email: text('email').notNull(),
    createdAt: timestamp('created_at').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [index('email_tokens_user_idx').on(t.userId, t.purpose)],
);

export const verifiedEmailKinds = ['account', 'nhs'] as const;
export type VerifiedEmailKind = (typeof verifiedEmailKinds)[number];

/** Addresses a person has shown they read: the sign-in email ('account') and an NHS address ('nhs'). */
export const verifiedEmails = sqliteTable(
  'verified_emails',
  {
    userId: userRef(),
    kind: text('kind', { enum: verifiedEmailKinds }).notNull(),
    email: text('email').notNull(),
    verifiedAt: timestamp('verified_at').notNull(),
  },
  // One NHS address opens one account, so a member of staff cannot upgrade their friends.
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), uniqueIndex('verified_emails_kind_email_unique').on(t.kind, t.email)],
);

/** Email domains an admin counts as NHS, beside nhs.net and *.nhs.uk. */
export const nhsDomains = sqliteTable('nhs_domains', {
  domain: text('domain').primaryKey(),
  addedAt: timestamp('added_at').notNull(),
});

/** An organisation, such as an NHS trust, that buys places for its staff. */
export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [uniqueIndex('organisations_name_unique').on(t.name)],
);

/** Who manages an organisation: they see its learners' progress. */
export const organisationManagers = sqliteTable(
  'organisation_managers',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: userRef(),
    addedAt: timestamp('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_managers_user_idx').on(t.userId)],
);

/** An organisation's learners: those who redeemed one of its codes. */
export const organisationMembers = sqliteTable(
  'organisation_members',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: userRef(),
    joinedAt: timestamp('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_members_user_idx').on(t.userId)],
);

/** Access codes made together by an admin: for one course, until a date, with a note such as an invoice number. */
export const accessCodeBatches = sqliteTable(
  'access_code_batches',
  {
    id: text('id').primaryKey(),
    courseSlug: text('course_slug').notNull(),
    /** The organisation whose learners the codes are for; they join it on redeeming. */
    organisationId: text('organisation_id').references(() => organisations.id),
    note: text('note').notNull().default(''),
    count: integer('count').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    createdAt: timestamp('created_at').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('access_code_batches_organisation_idx').on(t.organisationId)],
);

/** One access code, usable once. Only its SHA-256 is stored: the admin saw the code once, in a CSV. */
export const accessCodes = sqliteTable(
  'access_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    batchId: text('batch_id')
      .notNull()
      .references(() => accessCodeBatches.id, { onDelete: 'cascade' }),
    usedBy: text('used_by').references(() => users.id, { onDelete: 'set null' }),
    usedAt: timestamp('used_at'),
  },
  (t) => [index('access_codes_batch_idx').on(t.batchId, t.usedAt)],
);

/** Full access to a tiered course from a redeemed code. NHS staff need no row: their verified address is enough. */
export const courseAccessGrants = sqliteTable(
  'course_access_grants',
  {
    userId: userRef(),
    courseSlug: text('course_slug').notNull(),
    codeHash: text('code_hash').references(() => accessCodes.codeHash),
    grantedAt: timestamp('granted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseSlug] })],
);

/** Messages kept instead of sent while no SMTP_URL is set; admins read them at /admin/outbox. */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('email_outbox_created_idx').on(t.createdAt)],
);
