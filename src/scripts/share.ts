// "Gửi qua Zalo" (issue 27): shares a lesson's leaflet picture, or its address, through the
// phone's own share sheet (Web Share API), so Zalo is one tap away. No Zalo SDK, nothing from
// another site. The button is rendered hidden: without JavaScript, or in a browser that cannot
// share, it stays hidden and the download links remain. The picture is fetched only on the tap.
// Where files can be shared (Android Chrome) it sends the picture with the title and address;
// elsewhere the title and address.

type ShareButton = HTMLButtonElement & { dataset: { shareTitle: string; shareUrl: string; sharePicture?: string; shareName?: string } };

/** The picture, once fetched: a second tap after a slow download shares it at once. */
const fetched = new WeakMap<ShareButton, File>();

function canShareFiles(name: string): boolean {
  try {
    return !!navigator.canShare?.({ files: [new File([], name, { type: 'image/jpeg' })] });
  } catch {
    return false;
  }
}

async function share(button: ShareButton): Promise<void> {
  const { shareTitle: title, shareUrl: url, sharePicture: picture, shareName: name } = button.dataset;
  if (picture && name && canShareFiles(name)) {
    let file = fetched.get(button);
    if (!file) {
      const response = await fetch(picture);
      if (response.ok) {
        file = new File([await response.blob()], name, { type: 'image/jpeg' });
        fetched.set(button, file);
      }
    }
    if (file && navigator.canShare({ files: [file] })) {
      // Cancelled, or the download outlasted the tap (the browser then wants a fresh one): the
      // picture is kept, so the next tap shares it at once.
      await navigator.share({ files: [file], title, text: `${title}\n${url}` }).catch(() => undefined);
      return;
    }
  }
  await navigator.share({ title, text: title, url }).catch(() => undefined);
}

if (typeof navigator.share === 'function') {
  for (const button of document.querySelectorAll<ShareButton>('button[data-share-url]')) {
    button.hidden = false;
    button.addEventListener('click', () => void share(button).catch(() => undefined));
  }
}
