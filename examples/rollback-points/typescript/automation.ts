// Runs the stack through Pulumi's Automation API as an inline program:
//   node bin/automation.js up|preview|destroy [STACK]
// in the project directory (its stack, config and backend are the ones `pulumi` uses there).
// The engine talks to this process, so no pulumi-language-nodejs is needed (tools/README.md).
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { rollbackPoints } from "./stack";

async function main(): Promise<void> {
    const [command, stackName = "dev"] = process.argv.slice(2);
    const stack = await LocalWorkspace.selectStack(
        { stackName, projectName: "vpssnap-rollback-points-typescript", program: async () => rollbackPoints() },
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
        case "destroy":
            await stack.destroy({ onOutput });
            break;
        default:
            throw new Error(`unknown command "${command}": use up, preview or destroy`);
    }
}

main().catch(err => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
});
