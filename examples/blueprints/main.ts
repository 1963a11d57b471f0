// The one cdktf app of the blueprints: `npx cdktf synth` runs dist/examples/blueprints/main.js.
import { buildBlueprintsApp } from "./app";

buildBlueprintsApp().synth();
