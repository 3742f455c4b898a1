// The TypeScript client generated from the OpenAPI document (typescript-fetch), used as an application
// would: OpenApiIT runs it with Node against the server (node smoke.js <base URL>) and checks what it
// prints. Compiled with the client by src/test/scripts/typescript.sh.
import { Configuration, PostsApi, ResponseError } from './index';

declare const process: { argv: string[]; exit(code: number): never };

async function main(basePath: string): Promise<void> {
    const anonymous = new PostsApi(new Configuration({ basePath }));
    const author = new PostsApi(new Configuration({ basePath, username: 'testuser', password: 'foobar' }));

    const created = await author.createPosts({
        postsInput: { title: `typescript ${Date.now()}`, content: 'From the generated TypeScript client.' },
    });
    const page = await anonymous.listPosts({ limit: 5, filter: { title__icontains: created.title } });
    const patched = await author.patchPosts({ id: created.id!, postsPatch: { title: `${created.title} patched` } });
    const read = await anonymous.readPosts({ id: created.id! });
    await author.deletePosts({ id: created.id! });
    let missing: unknown = null;
    try {
        await anonymous.readPosts({ id: created.id! });
    } catch (e) {
        if (!(e instanceof ResponseError)) {
            throw e;
        }
        missing = { status: e.response.status, problem: await e.response.json() };
    }
    console.log(JSON.stringify({ created, page, patched, read, missing }));
}

main(process.argv[2]).catch((e) => {
    console.error(e);
    process.exit(1);
});
