// Jest setup: custom matchers for users' and our own suites are registered here.
import { registerVcaMatchers } from "../lib/validate/jest-matchers";

registerVcaMatchers();
