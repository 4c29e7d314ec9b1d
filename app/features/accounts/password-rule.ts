export const PASSWORD_RULE = { min: 10, max: 128 } as const;
