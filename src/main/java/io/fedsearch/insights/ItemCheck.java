package io.fedsearch.insights;

/**
 * Item-level rights, for providers whose entitlement is decided per result (an item check URL). Seam until the
 * access module's item-rights API is merged: the default bean ({@link #NONE}) knows no such provider, so only the
 * provider-level entitlement ({@code Caller.mayUse}) applies.
 */
interface ItemCheck {

    ItemCheck NONE = new ItemCheck() {
        @Override
        public boolean fineGrained(String provider) {
            return false;
        }

        @Override
        public boolean mayOpen(String principal, String provider, String resultId) {
            return true;
        }
    };

    /** Whether the provider decides rights per item (only then is {@link #mayOpen} asked). */
    boolean fineGrained(String provider);

    /** Whether the principal may still open this result; may call out over the network (blocking). */
    boolean mayOpen(String principal, String provider, String resultId);
}
