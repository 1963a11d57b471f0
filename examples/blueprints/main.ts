// The one cdktf app of the blueprints (`npx cdktf synth` runs dist/examples/blueprints/main.js):
// one call per stack module. Stack modules only deep-import what they use (DESIGN §7).
import { App } from "../../lib/core/cdktf";
import { addAgentCore } from "./agentcore/stack";
import { addFoundryByoVnet } from "./foundry-byovnet/stack";
import { addLibreChatAks } from "./librechat-aks/stack";
import { addLibreChatEks } from "./librechat-eks/stack";
import { addLibreChatGke } from "./librechat-gke/stack";
import { addObotAks } from "./obot-aks/stack";
import { addObotEks } from "./obot-eks/stack";

const app = new App();
addFoundryByoVnet(app);
addAgentCore(app);
addLibreChatEks(app);
addLibreChatAks(app);
addLibreChatGke(app);
addObotAks(app);
addObotEks(app);
app.synth();
