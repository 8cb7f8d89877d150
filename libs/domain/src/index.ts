export * from './permissions';
export * from './activity-actions';
export * from './lifetimes';
export * from './error-codes';
export * from './types';
export * from './password-policy';
