// A TypeScript stack on the released SDK, run through the Automation API as an inline program:
//   npm install ./vpssnap-vpssnap-0.1.0.tgz && npx tsc && node bin/index.js up|destroy
// The engine downloads the plugin from the URL the SDK carries. Endpoints and tokens come from
// the environment (VPSSNAP_LOCAWEB_ENDPOINT, VPSSNAP_LOCAWEB_TOKEN, ...).
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import * as vpssnap from "@vpssnap/vpssnap";

function program() {
    const web = new vpssnap.locaweb.Snapshot("web", { server: "cpro0301", name: "installed-from-npm" });
    const db = new vpssnap.vpsorg.Snapshot("db", { serverId: 12347, name: "installed-from-npm" });
    return { web: web.id, db: db.id };
}

async function main(): Promise<void> {
    const command = process.argv[2];
    const stack = await LocalWorkspace.createOrSelectStack(
        { stackName: "dev", projectName: "vpssnap-install-typescript", program: async () => program() },
        { workDir: process.cwd() },
    );
    const onOutput = (text: string) => process.stdout.write(text);
    if (command === "up") {
        await stack.up({ onOutput });
    } else if (command === "destroy") {
        await stack.destroy({ onOutput });
    } else {
        throw new Error(`unknown command "${command}": use up or destroy`);
    }
}

main().catch(err => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
});
