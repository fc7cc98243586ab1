// The mutation keys of "Save all" and "Roll back". What a Save all saved is remembered in the
// stored draft itself (DraftSnapshot.saved), which the canvas and the draft bar read.

export const SAVE_DRAFT_KEY = ['lineage-studio', 'save-draft'] as const;
export const ROLLBACK_DRAFT_KEY = ['lineage-studio', 'rollback-draft'] as const;
