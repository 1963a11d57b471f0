// Jest setup: custom matchers for users' and our own suites are registered here.
import { VcaMatchers } from "../lib/validate/jest-matchers";

VcaMatchers.register();
