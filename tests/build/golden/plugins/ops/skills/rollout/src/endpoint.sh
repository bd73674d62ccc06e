echo "API at ${ENDPOINT:-unset}"
