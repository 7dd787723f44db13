"use client";

import { useEffect } from "react";

// A quote in "Where the panel agrees and disagrees" links to its full note, which sits inside a
// closed <details> in the panel's ratings. Browsers that follow the HTML rule open it themselves;
// for the others, open the note's enclosing details when the address's fragment names a note.
export function OpenLinkedNote() {
  useEffect(() => {
    const open = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id.startsWith("note-")) return;
      const note = document.getElementById(id);
      const details = note?.closest("details");
      if (!note || !details) return;
      details.open = true;
      note.scrollIntoView({ block: "center" });
    };
    open();
    window.addEventListener("hashchange", open);
    return () => window.removeEventListener("hashchange", open);
  }, []);
  return null;
}
