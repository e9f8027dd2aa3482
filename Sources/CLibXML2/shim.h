// libxml2's HTML parser, for reading pages saved from a browser.
// See https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-HTMLparser.html
//
// Debian builds libxml2 with ICU, and its encoding header then includes ICU's headers,
// which clash with the ICU Foundation carries. FactArchive never touches the ICU members
// of libxml2's encoding handler (it only passes pointers to it), so they are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>


static void csxml_ignore_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/// Installs a handler that drops libxml2's messages instead of printing them.
static inline void csxml_drop_errors(void) {
  xmlSetGenericErrorFunc(NULL, csxml_ignore_error);
}

/// Frees memory libxml2 allocated (xmlFree is a global function pointer Swift cannot call
/// safely from concurrent code).
static inline void csxml_free(void *pointer) {
  xmlFree(pointer);
}
