// Jest setup: custom matchers for users' and our own suites are registered here.
export {};
