const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What a browser on a network not let in shows instead of the app: self-contained (nothing else
 * would be served to it), in both languages, naming its address so the administrator knows what to add.
 */
export function refusedPage(address: string): string {
  const shown = escapeHtml(address);
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>档案前台：此网络未获允许 / Archive Desk: network not allowed</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222;line-height:1.6}h1{font-size:1.3rem}code{background:#f2f2f2;padding:0 .3rem}</style></head>
<body>
<h1>此电脑所在的网络未获允许访问档案</h1>
<p>本机地址 <code>${shown}</code> 不在档案主机允许的网络之内。请联系档案管理员，在“系统设置 → 网络共享”中添加本机所在的网络。</p>
<hr>
<h1 lang="en">This computer's network is not allowed to reach the archive</h1>
<p lang="en">The address <code>${shown}</code> is not on a network the archive host lets in. Ask the archive's administrator to add this computer's network under System settings → Network sharing.</p>
</body>
</html>
`;
}
