// Runs the same stack through Pulumi's Automation API as an inline program:
//   node bin/automation.js up|preview|refresh|destroy [STACK]
// The engine then talks to this Node.js process instead of starting pulumi-language-nodejs,
// which is how vpssnap's tests run this example (that host cannot be built from the Go module
// proxy here). Run it in the project directory: the stack, its config and its backend are the
// ones `pulumi` uses there.
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { rollbackPoints } from "./stack";

async function main(): Promise<void> {
    const [command, stackName = "dev"] = process.argv.slice(2);
    const stack = await LocalWorkspace.selectStack(
        { stackName, projectName: "vpssnap-typescript-example", program: async () => rollbackPoints() },
        { workDir: process.cwd() },
    );
    const onOutput = (text: string) => process.stdout.write(text);
    switch (command) {
        case "up":
            await stack.up({ onOutput });
            break;
        case "preview":
            await stack.preview({ onOutput, expectNoChanges: true });
            break;
        case "refresh":
            await stack.refresh({ onOutput });
            break;
        case "destroy":
            await stack.destroy({ onOutput });
            break;
        default:
            throw new Error(`unknown command "${command}": use up, preview, refresh or destroy`);
    }
}

main().catch(err => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
});
